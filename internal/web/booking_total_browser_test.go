package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestBrowserBookingTotalFollowsTheForm: in a real browser with htmx, the total under the form
// changes without a page load as attendee rows are added (the group discount from the 3rd person
// appears) and when a voucher is typed.
func TestBrowserBookingTotalFollowsTheForm(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
	seedVoucher(t, st, model.Voucher{Code: "TEAM5", Kind: model.VoucherPercent, PercentBP: 500})
	ts := newServer(t, st, groupEnv...)
	total := func() string {
		t.Helper()
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#booking-total').innerText`))
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
	waitFor := func(what string) {
		t.Helper()
		js := fmt.Sprintf(`document.querySelector('#booking-total') !== null && document.querySelector('#booking-total').innerText.includes(%q)`, what)
		if ok, err := chromedp.Run(ctx, chromedp.Poll[bool](js)); err != nil || !ok {
			t.Fatalf("total never showed %q: %v; it shows %q", what, err, total())
		}
	}
	step := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	step(chromedp.Navigate(fmt.Sprintf("%s/book/%d", ts.URL, date.ID)), chromedp.WaitVisible(`#booking-total`))
	if got := total(); !strings.Contains(got, "583,10") || strings.Contains(got, "Gruppenrabatt ab") {
		t.Fatalf("first total %q", got)
	}
	// A page load would drop this mark: the total must come in by htmx.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(window.samePage = true)`)); err != nil {
		t.Fatal(err)
	}
	step(chromedp.Click(`button[value="add_attendee"]`, chromedp.NodeVisible))
	waitFor("1.166,20") // two seats
	step(chromedp.Click(`button[value="add_attendee"]`, chromedp.NodeVisible))
	waitFor("Gruppenrabatt ab der 3. Person")
	waitFor("1.690,99") // 3 × 490 − 49 = 1.421,00 net
	step(htmxSettled()) // the new row's autofocus would take the keys meant for the voucher
	step(chromedp.SendKeys(`input[name="voucher"]`, "TEAM5"),
		chromedp.Focus(`input[name="billing.company"]`)) // leaving the field is its change
	waitFor("Gutschein TEAM5")
	waitFor("1.606,44") // 142100 − 7105 = 134995 net, VAT 25649
	if same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.samePage === true`)); err != nil || !same {
		t.Fatalf("the page was loaded again (%v)", err)
	}
}
