package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seminars/internal/store/storetest"
)

// TestBrowserBooking books a seminar the way a person does, in a real browser at a desktop's and
// a phone's width: catalogue, filter, seminar page, the booking form with three attendees (two
// rows added), paying by invoice, a mistyped address caught by the error summary and fixed, then
// the manage page. axe checks every state on the way.
func TestBrowserBooking(t *testing.T) {
	eachWidth(t, "booking", 90*time.Second, func(t *testing.T, j *journey) {
		st := storetest.SQLite(t)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
		storetest.SeedDate(t, st, storetest.DateOptions{Format: "online"})
		ts := newServer(t, st)

		j.do(chromedp.Navigate(ts.URL + "/"))
		if h := j.text("h1"); h != "Social Media gehört in jede Abteilung" {
			t.Fatalf("heading %q", h)
		}
		// On a phone the filters are folded away first.
		if eval[bool](j, `getComputedStyle(document.querySelector('.filter-box > summary')).display !== 'none'`) {
			j.do(chromedp.Click(`.filter-box > summary`, chromedp.NodeVisible), chromedp.WaitVisible(`select[name="format"]`))
		}
		// Choosing a filter updates the results through htmx, without pressing the button.
		j.do(chromedp.SetValue(`select[name="format"]`, "in_person"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('select[name="format"]').dispatchEvent(new Event('change', {bubbles: true}))`))
		if _, err := chromedp.Run(j.ctx, chromedp.Poll[bool](`document.querySelector('#results .result-count').textContent.trim() === '1 Seminar'`)); err != nil {
			t.Fatalf("the filter did not update the results: %v", err)
		}
		if results := j.text("#results"); !strings.Contains(results, date.Seminar.TitleDE) {
			t.Fatalf("filtered results: %q", results)
		}
		j.state("catalogue")

		j.do(chromedp.Navigate(ts.URL+"/seminars/"+date.Seminar.Slug), chromedp.WaitReady(`#dates`))
		j.state("seminar")
		j.do(
			chromedp.Click(`#dates a[role="button"]`, chromedp.NodeVisible),
			chromedp.WaitVisible(`input[name="attendees[0].first_name"]`),
		)
		j.state("form")
		people := [][3]string{
			{"Anna", "Schmidt", "anna@firma.example"},
			{"Jörg", "Weiß", "joerg@firma.example"},
			{"Carla", "Neumann", "carla-firma.example"}, // a typo
		}
		for i, p := range people {
			if i > 0 {
				j.do(chromedp.Click(`button[value="add_attendee"]`, chromedp.NodeVisible),
					chromedp.WaitVisible(fmt.Sprintf(`input[name="attendees[%d].first_name"]`, i)), htmxSettled())
			}
			for k, field := range []string{"first_name", "last_name", "email"} {
				j.do(chromedp.SendKeys(fmt.Sprintf(`input[name="attendees[%d].%s"]`, i, field), p[k]))
			}
		}
		j.do(
			chromedp.SendKeys(`input[name="billing.company"]`, "Firma GmbH"),
			chromedp.SendKeys(`input[name="billing.name"]`, "Max Muster"),
			chromedp.SendKeys(`input[name="billing.email"]`, "einkauf@firma.example"),
			chromedp.SendKeys(`input[name="billing.street"]`, "Hauptstraße 1"),
			chromedp.SendKeys(`input[name="billing.postal_code"]`, "10115"),
			chromedp.SendKeys(`input[name="billing.city"]`, "Berlin"),
			chromedp.Click(`input[name="payment_method"][value="invoice"]`),
			chromedp.Click(`input[name="confirm_business"]`),
			chromedp.Click(`input[name="accept_terms"]`),
		)
		j.state("form-filled")
		j.do(chromedp.Click(`button[value="book"]`), chromedp.WaitVisible(`.error-summary`))
		if problem := j.text(".notice-error"); !strings.Contains(problem, "Bitte prüfen Sie die markierten Felder") {
			t.Fatalf("error notice %q", problem)
		}
		// The summary names the mistyped field and links to it; everything typed is still there.
		typo := eval[string](j, `document.querySelector('input[name="attendees[2].email"]').id`)
		if links := eval[[]string](j, `[...document.querySelectorAll('.error-summary a')].map(a => a.getAttribute('href'))`); len(links) != 1 || links[0] != "#"+typo {
			t.Fatalf("the error summary links to %v, want only #%s", links, typo)
		}
		if got := j.value(`input[name="attendees[1].last_name"]`); got != "Weiß" {
			t.Fatalf("the second attendee's last name became %q", got)
		}
		j.state("errors")
		j.do(
			chromedp.SetValue(`input[name="attendees[2].email"]`, "carla@firma.example"),
			chromedp.Click(`button[value="book"]`),
			chromedp.WaitVisible(`.status`),
		)
		status, manage := j.text(".status"), j.text("main")
		if !strings.HasPrefix(status, "Bestätigt") || !strings.Contains(manage, "Ihre Buchung SEM-") {
			t.Fatalf("manage page: %q / %q", status, manage)
		}
		for _, p := range people {
			if !strings.Contains(manage, p[0]+" "+p[1]) {
				t.Errorf("the manage page does not list %s %s", p[0], p[1])
			}
		}
		if !strings.Contains(manage, "carla@firma.example") {
			t.Errorf("the manage page lacks the corrected address")
		}
		j.state("manage")
		if d, _ := st.DateByID(t.Context(), date.ID); d.SeatsTaken != 3 {
			t.Fatalf("seats taken %d", d.SeatsTaken)
		}
	})
}
