package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"seminars/internal/store/storetest"
)

// TestBrowserAddAttendeeRows clicks "+ Weitere Person" twice in a real browser, leaving the new
// row blank in between: each click adds a row, what was typed stays, the cursor lands in the new
// row, and the page does not jump back to the top — with htmx (only the rows are swapped) and
// without JavaScript (the server renders the page, the fragment and autofocus bring it back).
func TestBrowserAddAttendeeRows(t *testing.T) {
	cases := []struct {
		name     string
		noScript bool
	}{
		{"with htmx", false},
		{"without JavaScript", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := browser(t)
			st := storetest.SQLite(t)
			date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
			ts := newServer(t, st)
			step := func(actions ...chromedp.Action[chromedp.Void]) {
				t.Helper()
				if err := chromedp.Do(ctx, actions...); err != nil {
					t.Fatal(err)
				}
			}
			if tc.noScript {
				step(func(ctx context.Context, tab *chromedp.Target) (chromedp.Void, error) {
					_, err := cdp.Call(ctx, tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
					return chromedp.Void{}, err
				})
			}
			step(
				chromedp.Navigate(fmt.Sprintf("%s/book/%d", ts.URL, date.ID)),
				chromedp.WaitVisible(`input[name="attendees[0].first_name"]`),
				chromedp.SendKeys(`input[name="attendees[0].first_name"]`, "Anna"),
				chromedp.SendKeys(`input[name="billing.company"]`, "Firma GmbH"),
			)
			for rows := 2; rows <= 3; rows++ {
				// Scroll the button to the middle of the window, well below the top, as a person does.
				before, err := chromedp.Run(ctx, chromedp.Evaluate[float64](
					`(() => { document.querySelector('button[value="add_attendee"]').scrollIntoView({block: "center"}); return window.scrollY })()`))
				if err != nil || before <= 0 {
					t.Fatalf("scrolling down: %v, scrollY %v", err, before)
				}
				step(chromedp.Click(`button[value="add_attendee"]`, chromedp.NodeVisible),
					chromedp.WaitVisible(fmt.Sprintf(`input[name="attendees[%d].first_name"]`, rows-1))) // across the reload without JavaScript
				ready := fmt.Sprintf(`document.querySelectorAll('.attendee-row').length === %d && document.activeElement && document.activeElement.name === 'attendees[%d].first_name'`, rows, rows-1)
				// Poll runs in the page, which has no script without JavaScript; there the reload is
				// already complete once the new row is visible.
				// already loading once the new row is visible; the browser applies autofocus a
				// rendering step later, so ask again until it has (or the test's context ends).
				var ok bool
				if tc.noScript {
					for err = nil; !ok && err == nil && ctx.Err() == nil; {
						if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](ready)); !ok {
							time.Sleep(50 * time.Millisecond)
						}
					}
				} else {
					ok, err = chromedp.Run(ctx, chromedp.Poll[bool](ready))
				}
				if err != nil || !ok {
					n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.attendee-row').length`))
					t.Fatalf("click %d: want %d rows with the new one focused, have %d rows: %v", rows-1, rows, n, err)
				}
				after, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY`))
				if err != nil || after == 0 {
					t.Fatalf("click %d: the page jumped to the top (scrollY %v before, %v after): %v", rows-1, before, after, err)
				}
			}
			kept, err := chromedp.Run(ctx, chromedp.Evaluate[string](
				`document.querySelector('input[name="attendees[0].first_name"]').value + '|' + document.querySelector('input[name="billing.company"]').value + '|' + document.querySelector('input[name="attendees[1].first_name"]').value`))
			if err != nil || kept != "Anna|Firma GmbH|" {
				t.Fatalf("typed values after adding rows: %q, %v", kept, err)
			}
		})
	}
}
