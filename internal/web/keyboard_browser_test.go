package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the element that has the keyboard focus: its id, class and name attributes
// and whether a focus ring is drawn around it (an outline of at least 2 px).
const focused = `(() => { const el = document.activeElement; if (!el) return "none|||";
	const s = getComputedStyle(el); const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
	return [el.id, el.className, el.getAttribute("name") || "", ring ? "ring" : "no ring"].join("|") })()`

// TestBrowserKeyboardBooking books with the keyboard only: the first Tab reaches the skip link
// (with a visible focus ring), which jumps past the navigation; Tab leads into the form; sending
// it with mistakes puts the focus on the error summary, and the summary's first link moves the
// focus to the field it names.
func TestBrowserKeyboardBooking(t *testing.T) {
	ctx := browser(t)
	s := newPageSite(t)
	key := func(k string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](focused))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	booking := s.mainPages()[3]
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.ts.URL+booking.path), chromedp.WaitReady(booking.ready)); err != nil {
		t.Fatal(err)
	}
	if got := key(kb.Tab); !strings.Contains(got, "skip-link") || !strings.HasSuffix(got, "|ring") {
		t.Fatalf("the first Tab focuses %q, not the skip link with a visible focus ring", got)
	}
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.width > 0 })()`))
	if err != nil || !visible {
		t.Fatalf("the focused skip link is not on the screen (%v)", err)
	}
	if got := key(kb.Enter); !strings.HasPrefix(got, "main|") {
		t.Fatalf("the skip link moved the focus to %q, not to the main content", got)
	}
	// Tab on into the form and to its submit button, touching nothing.
	reached := ""
	for range 80 {
		got := key(kb.Tab)
		if reached == "" && strings.Contains(got, "|attendees[0].first_name|") {
			reached = got
		}
		if strings.Contains(got, "|action|") && reached != "" {
			isBook, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.value === "book"`))
			if isBook {
				break
			}
		}
	}
	if reached == "" {
		t.Fatal("Tab never reached the first attendee's first name")
	}
	if !strings.HasSuffix(reached, "|ring") {
		t.Errorf("the focused input has no visible focus ring: %q", reached)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitReady(".error-summary")); err != nil {
		t.Fatalf("sending the empty form: %v", err)
	}
	summary, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.classList.contains("error-summary")`))
	if err != nil || !summary {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](focused))
		t.Fatalf("after sending, the focus is on %q, not on the error summary (%v)", got, err)
	}
	link, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".error-summary a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	key(kb.Tab)
	onLink, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement === document.querySelector(".error-summary a")`))
	if err != nil || !onLink {
		t.Fatalf("Tab from the summary does not reach its first link (%v)", err)
	}
	// Enter on the link as a keyboard gives it: Chromium follows a link on the key going down
	// and swallows the character, which must not reach the field that now has the focus.
	if err := chromedp.Do(ctx, enterKeyDownUp()); err != nil {
		t.Fatal(err)
	}
	// The fragment's field takes the focus once the browser has followed the link.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.activeElement && document.activeElement.id === %q`, strings.TrimPrefix(link, "#")), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Logf("waiting for the focus to move: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](focused))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimPrefix(link, "#") + "|"; !strings.HasPrefix(got, want) {
		dbg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + String(document.activeElement) + " " + String(document.getElementById("f-attendees-0-first-name"))`))
		t.Fatalf("the summary's first link (%s) moved the focus to %q (%s)", link, got, dbg)
	}
	if !strings.Contains(got, "|attendees[0].first_name|") {
		t.Errorf("the first problem is not the first attendee's first name: %q", got)
	}
	screenshot(t, ctx, "booking-keyboard")

	// Enter in a text field sends the booking form (the page's invisible first submit button),
	// not the header's language switch, which belongs to the form too.
	// (The field is marked first, so the page that comes back is told from this one.)
	if err := chromedp.Do(ctx, chromedp.SendKeys(`input[name="attendees[0].first_name"]`, "Anna"),
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.before = "1"`), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	after, err := pollAcrossNavigation(ctx, (`document.readyState === "complete" && !document.body.dataset.before && document.querySelector(".error-summary") && location.pathname + " " + document.querySelector('input[name="attendees[0].first_name"]').value`))
	if err != nil || after != booking.path+" Anna" {
		t.Fatalf("Enter in the first name field went to %q (%v), not the booking form sent", after, err)
	}
}

// enterKeyDownUp presses Enter without a separate character event.
func enterKeyDownUp() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
			ev := input.DispatchKeyEventParams{Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// pollAcrossNavigation polls js until it is truthy, starting again when a navigation replaces
// the page under the poll.
func pollAcrossNavigation(ctx context.Context, js string) (string, error) {
	var err error
	for range 20 {
		var got string
		got, err = chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingTimeout(10*time.Second)))
		if err == nil {
			return got, nil
		}
		if !strings.Contains(err.Error(), "navigated") && !strings.Contains(err.Error(), "context") {
			return "", err
		}
	}
	return "", err
}
