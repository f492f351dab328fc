package web_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seminars/internal/store/storetest"
)

// TestBrowserLanguageSwitchKeepsTheForm types half a booking form in a real browser, with a
// second attendee row, presses the language switch in the header (a submit button outside the
// form, tied to it by form= and formaction) and expects the English form with everything typed
// and no validation errors; switching back keeps it all again. Then it follows the switch link
// the seminar page renders. At 1280 and 390 px, axe on each state.
func TestBrowserLanguageSwitchKeepsTheForm(t *testing.T) {
	eachWidth(t, "language", 90*time.Second, func(t *testing.T, j *journey) {
		st := storetest.SQLite(t)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
		ts := newServer(t, st)
		waitLang := func(lang string) {
			t.Helper()
			if err := chromedp.Do(j.ctx, chromedp.WaitVisible(fmt.Sprintf(`html[lang=%q] footer`, lang))); err != nil {
				t.Fatalf("page never turned %s: %v", lang, err)
			}
		}
		typed := map[string]string{
			`input[name="attendees[0].first_name"]`: "Jörg",
			`input[name="attendees[0].email"]`:      "kein-at-zeichen", // a typo: the switch must not complain
			`input[name="attendees[1].first_name"]`: "Ayşe",
			`input[name="billing.company"]`:         "Müller & Söhne GmbH",
		}
		expect := func(after string) {
			t.Helper()
			for sel, want := range typed {
				if got := j.value(sel); got != want {
					t.Errorf("%s is %q %s, want %q", sel, got, after, want)
				}
			}
			if n := eval[int](j, `document.querySelectorAll('[aria-invalid="true"], .notice-error').length`); n != 0 {
				t.Errorf("the switch validated the form: %d errors", n)
			}
		}

		j.do(chromedp.Navigate(fmt.Sprintf("%s/book/%d", ts.URL, date.ID)), chromedp.WaitVisible(`input[name="attendees[0].first_name"]`),
			chromedp.Click(`button[value="add_attendee"]`, chromedp.NodeVisible), chromedp.WaitVisible(`input[name="attendees[1].first_name"]`), htmxSettled())
		for sel, v := range typed {
			j.do(chromedp.SendKeys(sel, v))
		}
		j.state("form-de")
		if action := eval[string](j, `document.querySelector('button.lang-switch').getAttribute('formaction') || ''`); action == "" {
			t.Fatal("the language switch on the form is no formaction submit button")
		}
		j.do(chromedp.Click(`button.lang-switch`, chromedp.NodeVisible))
		waitLang("en")
		expect("after the switch to English")
		if loc := eval[string](j, `location.pathname`); loc != fmt.Sprintf("/en/book/%d", date.ID) {
			t.Errorf("the English form is at %q", loc)
		}
		j.state("form-en")
		j.do(chromedp.Click(`button.lang-switch`, chromedp.NodeVisible))
		waitLang("de")
		expect("after switching back to German")

		j.do(chromedp.Navigate(ts.URL + "/en/seminars/" + date.Seminar.Slug))
		waitLang("en")
		j.state("seminar-en")
		j.do(chromedp.Click(`a.lang-switch`, chromedp.NodeVisible))
		waitLang("de")
		if loc := eval[string](j, `location.pathname`); loc != "/seminars/"+date.Seminar.Slug {
			t.Errorf("the switch link led to %q", loc)
		}
	})
}
