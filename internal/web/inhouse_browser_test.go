package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// TestBrowserInhouseOffer: in a real browser, the company opens its offer from the private link,
// accepts the second proposed date, follows the booking link to the unlisted date's form, books
// two attendees and lands on its manage page; the booking is at the flat price.
func TestBrowserInhouseOffer(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	a := apptest.New(t, st, apptest.Config(t, "SEMINARS_DATA_DIR="+t.TempDir()))
	srv, err := web.New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
	inq := model.InhouseInquiry{Company: "Kunde & Co. KG", Name: "Kim Kunde", Email: "kim@kunde.example", Topic: "Vertrieb",
		Participants: 6, Language: "de"}
	if err := a.Office.SubmitInquiry(context.Background(), &inq); err != nil {
		t.Fatal(err)
	}
	start := st.Now().Add(70 * 24 * time.Hour)
	o := model.Offer{SeminarID: date.SeminarID, Persons: 6, Pricing: model.PricingFlat, PriceNetCents: 300000,
		Format: model.FormatInPerson, City: "Köln", ValidUntil: st.Now().Add(20 * 24 * time.Hour),
		ProposedDates: []model.ProposedDate{{StartsAt: start, EndsAt: start.Add(8 * time.Hour)},
			{StartsAt: start.Add(7 * 24 * time.Hour), EndsAt: start.Add(7*24*time.Hour + 8*time.Hour)}}}
	if err := a.Office.CreateOffer(context.Background(), "owner@example.com", inq.ID, &o); err != nil {
		t.Fatal(err)
	}
	step := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? el.innerText.trim() : null })()`, sel)
		s, err := chromedp.Run(ctx, chromedp.Poll[string](js))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return s
	}
	step(chromedp.Navigate(fmt.Sprintf("%s/angebot/%d/%s", ts.URL, o.ID, a.Secrets.OfferToken(o.ID))))
	if h := text("h1"); h != "Ihr Angebot "+o.Number {
		t.Fatalf("heading %q", h)
	}
	screenshot(t, ctx, "offer")
	step(
		chromedp.Click(`input[name="choice"][value="2"]`),
		chromedp.Click(`form button[type="submit"]`),
		chromedp.WaitVisible(`a[href*="/book/"]`),
		chromedp.Click(`a[href*="/book/"]`),
		chromedp.WaitVisible(`input[name="attendees[0].first_name"]`),
	)
	if summary := text(".summary"); !strings.Contains(summary, "Pauschalpreis für das ganze Seminar") || !strings.Contains(summary, "privaten Link") {
		t.Fatalf("in-house booking form: %q", summary)
	}
	step(
		chromedp.SendKeys(`input[name="attendees[0].first_name"]`, "Anna"),
		chromedp.SendKeys(`input[name="attendees[0].last_name"]`, "Schmidt"),
		chromedp.SendKeys(`input[name="attendees[0].email"]`, "anna@kunde.example"),
		chromedp.Click(`button[value="add_attendee"]`),
		chromedp.WaitVisible(`input[name="attendees[1].first_name"]`), htmxSettled(),
		chromedp.SendKeys(`input[name="attendees[1].first_name"]`, "Jörg"),
		chromedp.SendKeys(`input[name="attendees[1].last_name"]`, "Weiß"),
		chromedp.SendKeys(`input[name="attendees[1].email"]`, "joerg@kunde.example"),
		chromedp.SendKeys(`input[name="billing.company"]`, "Kunde & Co. KG"),
		chromedp.SendKeys(`input[name="billing.name"]`, "Kim Kunde"),
		chromedp.SendKeys(`input[name="billing.email"]`, "einkauf@kunde.example"),
		chromedp.SendKeys(`input[name="billing.street"]`, "Domstraße 1"),
		chromedp.SendKeys(`input[name="billing.postal_code"]`, "50667"),
		chromedp.SendKeys(`input[name="billing.city"]`, "Köln"),
		chromedp.Click(`input[name="confirm_business"]`),
		chromedp.Click(`input[name="accept_terms"]`),
		chromedp.Click(`button[value="book"]`),
		chromedp.WaitVisible(`.status`),
	)
	if status := text(".status"); !strings.HasPrefix(status, "Bestätigt") {
		t.Fatalf("manage page status %q", status)
	}
	accepted, err := st.OfferByID(context.Background(), o.ID)
	if err != nil || accepted.DateID == nil {
		t.Fatalf("offer not accepted: %+v (%v)", accepted, err)
	}
	bookings, err := st.BookingsOfDate(context.Background(), *accepted.DateID)
	if err != nil || len(bookings) != 1 || bookings[0].Seats != 2 || bookings[0].NetCents != 300000 {
		t.Fatalf("bookings %+v (%v)", bookings, err)
	}
}
