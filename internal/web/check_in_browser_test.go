package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// TestBrowserCheckInPage opens the phone check-in page in headless Chromium at a phone's width:
// the vendored QR reader loads from our own origin (the CSP allows nothing else), the page
// offers the camera, and nothing is logged as an error.
func TestBrowserCheckInPage(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	a := apptest.New(t, st, apptest.Config(t))
	if _, err := a.Auth.AddUser(context.Background(), "assistant@example.com", model.RoleAssistant, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	var mu sync.Mutex
	var problems []string
	err = chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, e.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				problems = append(problems, "console.error")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/admin/login"),
		chromedp.SendKeys(`input[name="email"]`, "assistant@example.com"),
		chromedp.SendKeys(`input[name="password"]`, "correct horse battery"),
		chromedp.Submit(`input[name="password"]`),
		chromedp.WaitVisible(`nav.admin-nav`),
		chromedp.Navigate(ts.URL+"/admin/check-in"),
		chromedp.WaitVisible(`input[name="code"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.jsQR === "function"`))
	if err != nil {
		t.Fatal(err)
	}
	buttonHidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("[data-scan-start]").hidden`))
	if err != nil {
		t.Fatal(err)
	}
	// The page's own content (the shared site header is the header's business).
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Math.ceil(Math.max(...[...document.querySelectorAll("main *")].map(e => e.getBoundingClientRect().right)))`))
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "check-in")
	if !loaded {
		t.Fatal("the vendored QR reader did not load")
	}
	if buttonHidden {
		t.Fatal("the camera button stays hidden although the browser has a camera API")
	}
	if width > 390 {
		t.Fatalf("the page is %d px wide on a 390 px phone", width)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(problems) > 0 {
		t.Fatalf("errors in the browser: %s", strings.Join(problems, "; "))
	}
}
