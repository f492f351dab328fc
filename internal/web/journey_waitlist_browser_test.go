package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserJourneyWaitlist: the date someone wants is full. The seminar page offers its waiting
// list instead of booking, and so does the booking page reached by an old link; the form, sent
// with a mistyped address, says what is wrong in a summary, and once fixed puts them on the list.
func TestBrowserJourneyWaitlist(t *testing.T) {
	eachWidth(t, "waitlist", 90*time.Second, func(t *testing.T, j *journey) {
		s := newPageSite(t)
		join := fmt.Sprintf(`a[href$="/waitlist/%d"]`, s.full.ID)
		j.do(chromedp.Navigate(fmt.Sprintf("%s/book/%d", s.ts.URL, s.full.ID)), chromedp.WaitReady(`.waitlist-link`))
		if n := eval[int](j, `document.querySelectorAll('#booking-form').length`); n != 0 {
			t.Fatal("the full date still offers the booking form")
		}
		j.state("full-booking-page")
		j.do(chromedp.Navigate(s.ts.URL+"/seminars/"+s.full.Seminar.Slug), chromedp.WaitReady(`#dates`))
		j.state("seminar")
		j.do(chromedp.Click(`#dates `+join, chromedp.NodeVisible), chromedp.WaitVisible(`#waitlist-form`))
		j.state("form")
		j.do(
			chromedp.SendKeys(`input[name="name"]`, "Carla Neumann"),
			chromedp.SendKeys(`input[name="email"]`, "carla-firma.example"), // a typo
			chromedp.SendKeys(`input[name="company"]`, "Firma GmbH"),
			chromedp.SetValue(`input[name="seats"]`, "2"),
			chromedp.Click(`#waitlist-form button[type="submit"]`),
			chromedp.WaitVisible(`.error-summary`),
		)
		if href := eval[string](j, `document.querySelector('.error-summary a').getAttribute('href')`); href != "#"+eval[string](j, `document.querySelector('input[name="email"]').id`) {
			t.Fatalf("the error summary links to %q, not to the e-mail field", href)
		}
		if got := j.value(`input[name="name"]`); got != "Carla Neumann" {
			t.Fatalf("the name became %q after the error", got)
		}
		j.state("errors")
		j.do(
			chromedp.SetValue(`input[name="email"]`, "carla@firma.example"),
			chromedp.Click(`#waitlist-form button[type="submit"]`),
			chromedp.WaitVisible(`.notice-ok[role="status"]`),
		)
		if msg := j.text(`.notice-ok`); !strings.Contains(msg, "Warteliste") {
			t.Fatalf("after joining: %q", msg)
		}
		j.state("joined")
	})
}
