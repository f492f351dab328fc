package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/store/storetest"
)

// TestBrowserLanguageSwitchKeepsTheForm types half a booking form in a real browser, presses the
// language switch in the header (a button outside the form, tied to it by form=) and expects the
// English form with everything typed, and no validation errors; then follows the switch link on
// the seminar page.
func TestBrowserLanguageSwitchKeepsTheForm(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
	ts := newServer(t, st)
	run := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	value := func(sel string) string {
		t.Helper()
		js := fmt.Sprintf(`document.querySelector(%q).value`, sel)
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return v
	}
	waitLang := func(lang string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.WaitVisible(fmt.Sprintf(`html[lang=%q] footer`, lang))); err != nil {
			t.Fatalf("page never turned %s: %v", lang, err)
		}
	}

	run(chromedp.Navigate(fmt.Sprintf("%s/book/%d", ts.URL, date.ID)))
	run(
		chromedp.SendKeys(`input[name="attendees[0].first_name"]`, "Jörg"),
		chromedp.SendKeys(`input[name="attendees[0].email"]`, "kein-at-zeichen"), // a typo: the switch must not complain
		chromedp.SendKeys(`input[name="billing.company"]`, "Müller & Söhne GmbH"),
		chromedp.Click(`button.lang-switch`),
	)
	waitLang("en")
	for sel, want := range map[string]string{
		`input[name="attendees[0].first_name"]`: "Jörg",
		`input[name="attendees[0].email"]`:      "kein-at-zeichen",
		`input[name="billing.company"]`:         "Müller & Söhne GmbH",
	} {
		if got := value(sel); got != want {
			t.Errorf("%s is %q after the switch, want %q", sel, got, want)
		}
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[aria-invalid="true"], .notice-error').length`)); err != nil || n != 0 {
		t.Errorf("the switch validated the form: %d errors (%v)", n, err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil || loc != fmt.Sprintf("/en/book/%d", date.ID) {
		t.Errorf("the English form is at %q", loc)
	}

	run(chromedp.Navigate(ts.URL + "/en/seminars/" + date.Seminar.Slug))
	run(chromedp.Click(`a.lang-switch`))
	waitLang("de")
	if loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`)); err != nil || loc != "/seminars/"+date.Seminar.Slug {
		t.Errorf("the switch link led to %q", loc)
	}
}
