package web_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts headless Chromium (Debian's package) for a test. Without it the test is skipped
// locally and fails under CI, where .ci/run installs it.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserFor(t, 90*time.Second)
}

// browserFor is browser for a test that visits many pages: limit is its whole time in the browser.
func browserFor(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is required under CI")
		}
		t.Skip("chromium not installed")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900), chromedp.Flag("lang", "de-DE"), chromedp.Flag("accept-lang", "de-DE,de"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// screenshot saves a full-page PNG under SEMINARS_SCREENSHOTS when set (the README's pictures).
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("SEMINARS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// htmxSettled waits until htmx has finished its swaps. The add-row answer swaps the total (out
// of band) before the rows, and the new row's autofocus comes last: keys typed before that go to
// whichever field autofocus then takes, and a loaded machine makes the gap wide.
func htmxSettled() chromedp.Action[chromedp.Void] {
	poll := chromedp.Poll[bool](`document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added') === null`)
	return func(ctx context.Context, tab *chromedp.Target) (chromedp.Void, error) {
		ok, err := poll(ctx, tab)
		if err == nil && !ok {
			err = errors.New("htmx never settled")
		}
		return chromedp.Void{}, err
	}
}
