package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seminars/internal/store/storetest"
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

// TestBrowserBooking books a seminar the way a person does, in a real browser: catalogue, filter,
// seminar page, booking form with a second attendee added, a mistake corrected, manage page.
func TestBrowserBooking(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
	storetest.SeedDate(t, st, storetest.DateOptions{Format: "online"})
	ts := newServer(t, st)

	step := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	// text reads an element's text in the page's own JavaScript once it exists, rather than by
	// DevTools node id, which a swap or reload between lookup and read would invalidate.
	text := func(sel string) string {
		t.Helper()
		js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? el.innerText.trim() : null })()`, sel)
		s, err := chromedp.Run(ctx, chromedp.Poll[string](js))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return s
	}

	step(chromedp.Navigate(ts.URL + "/"))
	if h := text("h1"); h != "Social Media gehört in jede Abteilung" {
		t.Fatalf("heading %q", h)
	}
	// Choosing a filter updates the results through htmx, without pressing the button.
	step(chromedp.SetValue(`select[name="format"]`, "in_person"))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('select[name="format"]').dispatchEvent(new Event('change', {bubbles: true}))`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#results .result-count').textContent.trim() === '1 Seminar'`)); err != nil {
		t.Fatalf("the filter did not update the results: %v", err)
	}
	if results := text("#results"); !strings.Contains(results, date.Seminar.TitleDE) {
		t.Fatalf("filtered results: %q", results)
	}
	screenshot(t, ctx, "catalogue")

	step(
		chromedp.Navigate(ts.URL+"/seminars/"+date.Seminar.Slug),
		chromedp.Click(`#dates a[role="button"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`input[name="attendees[0].first_name"]`),
		chromedp.SendKeys(`input[name="attendees[0].first_name"]`, "Anna"),
		chromedp.SendKeys(`input[name="attendees[0].last_name"]`, "Schmidt"),
		chromedp.SendKeys(`input[name="attendees[0].email"]`, "anna@firma.example"),
		chromedp.Click(`button[value="add_attendee"]`),
		chromedp.WaitVisible(`input[name="attendees[1].first_name"]`),
		chromedp.SendKeys(`input[name="attendees[1].first_name"]`, "Jörg"),
		chromedp.SendKeys(`input[name="attendees[1].last_name"]`, "Weiß"),
		chromedp.SendKeys(`input[name="attendees[1].email"]`, "joerg-firma.example"), // a typo
		chromedp.SendKeys(`input[name="billing.company"]`, "Firma GmbH"),
		chromedp.SendKeys(`input[name="billing.name"]`, "Max Muster"),
		chromedp.SendKeys(`input[name="billing.email"]`, "einkauf@firma.example"),
		chromedp.SendKeys(`input[name="billing.street"]`, "Hauptstraße 1"),
		chromedp.SendKeys(`input[name="billing.postal_code"]`, "10115"),
		chromedp.SendKeys(`input[name="billing.city"]`, "Berlin"),
		chromedp.Click(`input[name="confirm_business"]`),
		chromedp.Click(`input[name="accept_terms"]`),
		chromedp.Click(`button[value="book"]`),
		chromedp.WaitVisible(`.notice-error`),
	)
	if problem := text(".notice-error"); !strings.Contains(problem, "Bitte prüfen Sie die markierten Felder") {
		t.Fatalf("error notice %q", problem)
	}
	screenshot(t, ctx, "booking-form")
	step(
		chromedp.SetValue(`input[name="attendees[1].email"]`, "joerg@firma.example"),
		chromedp.Click(`button[value="book"]`),
		chromedp.WaitVisible(`.status`),
	)
	status, manage := text(".status"), text("main")
	if !strings.HasPrefix(status, "Bestätigt") || !strings.Contains(manage, "joerg@firma.example") || !strings.Contains(manage, "Ihre Buchung SEM-") {
		t.Fatalf("manage page: %q / %q", status, manage)
	}
	screenshot(t, ctx, "manage")
	if d, _ := st.DateByID(t.Context(), date.ID); d.SeatsTaken != 2 {
		t.Fatalf("seats taken %d", d.SeatsTaken)
	}
}
