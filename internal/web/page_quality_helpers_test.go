package web_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/demo"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// pageSite is a running service with something on every main page: the demo catalogue, a date
// with a booking (manage page, booking detail, attendee list, outbox with its mails), a full date
// (waiting list) and an owner to sign in as.
type pageSite struct {
	ts        *httptest.Server
	app       *app.App
	st        *store.Store
	date      model.SeminarDate
	full      model.SeminarDate
	reference string
	token     string
}

const pageOwner, pagePassword = "owner@example.com", "correct horse battery"

func newPageSite(t *testing.T) *pageSite {
	t.Helper()
	st := storetest.SQLite(t)
	a := apptest.New(t, st, apptest.Config(t, "SEMINARS_DATA_DIR="+t.TempDir()))
	srv, err := web.New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	ctx := context.Background()
	if _, err := a.Auth.AddUser(ctx, pageOwner, model.RoleOwner, pagePassword); err != nil {
		t.Fatal(err)
	}
	// The demo catalogue: real texts and many dates, as the README's pictures show them.
	if _, err := demo.Seed(ctx, st, st.Now(), a.Config.Location); err != nil {
		t.Fatal(err)
	}
	dates, err := st.AdminUpcomingDates(ctx, st.Now(), 100)
	if err != nil {
		t.Fatal(err)
	}
	var date, full model.SeminarDate
	for _, d := range dates {
		switch {
		case date.ID == 0 && d.Status == model.DatePublished && d.Format == model.FormatInPerson && d.SeatsLeft() >= 4:
			date = d
		case full.ID == 0 && d.Status == model.DatePublished && d.SeatsLeft() == 0:
			full = d
		}
	}
	if date.ID == 0 {
		t.Fatal("the demo has no date with free seats")
	}
	if full.ID == 0 {
		full = addDate(t, st, date, 3, 3)
	}
	res, err := a.Bookings.Reserve(ctx, booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Kommunikationsinfrastrukturberatung GmbH", Name: "Max Muster", Email: "einkauf@firma.example",
			Street: "Hauptstraße 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{
			{FirstName: "Anna", LastName: "Schmidt-Oberbergmann", Email: "anna.schmidt-oberbergmann@firma.example"},
			{FirstName: "Jörg", LastName: "Weiß", Email: "joerg@firma.example"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Mail.RunOnce(ctx, st.Now()); err != nil {
		t.Fatal(err)
	}
	return &pageSite{ts: ts, app: a, st: st, date: date, full: full, reference: res.Booking.Reference, token: res.ManageToken}
}

// sitePage is one page of the checks: where it is and what shows once it has loaded.
type sitePage struct {
	name  string // also the screenshot's file name
	path  string
	ready string // a CSS selector present once the page is there
	admin bool   // needs the owner signed in
	shot  bool   // one of the README's pictures
	// submit, when set, is clicked once the page is ready; after is what shows then.
	submit, after string
}

// mainPages are the pages the accessibility, HTML and layout checks visit.
func (s *pageSite) mainPages() []sitePage {
	id := strconv.FormatUint(uint64(s.date.ID), 10)
	return []sitePage{
		{name: "catalogue", path: "/", ready: "#results", shot: true},
		{name: "catalogue-en", path: "/en/", ready: "#results"},
		{name: "seminar", path: "/seminars/" + s.date.Seminar.Slug, ready: "#dates", shot: true},
		{name: "booking-form", path: "/book/" + id, ready: "#booking-form"},
		{name: "manage", path: "/b/" + s.reference + "?t=" + url.QueryEscape(s.token), ready: ".status", shot: true},
		{name: "waitlist", path: "/waitlist/" + strconv.FormatUint(uint64(s.full.ID), 10), ready: "form"},
		{name: "imprint", path: "/impressum", ready: "h1"},
		{name: "privacy", path: "/datenschutz", ready: "h1"},
		{name: "terms", path: "/teilnahmebedingungen", ready: "h1"},
		{name: "inhouse", path: "/inhouse", ready: "form"},
		{name: "admin-login", path: "/admin/login", ready: `input[name="password"]`},
		{name: "admin-dashboard", path: "/admin", ready: ".admin-nav", admin: true, shot: true},
		{name: "admin-bookings", path: "/admin/bookings", ready: ".admin-nav", admin: true},
		{name: "admin-booking", path: "/admin/bookings/" + s.reference, ready: "#timeline-h", admin: true},
		{name: "admin-attendees", path: "/admin/dates/" + id + "/attendees?per_page=1", ready: ".admin-nav", admin: true},
		{name: "admin-check-in", path: "/admin/check-in", ready: `input[name="code"]`, admin: true, shot: true},
		{name: "admin-seminars", path: "/admin/seminars?per_page=1", ready: ".admin-nav", admin: true},
		{name: "admin-outbox", path: "/admin/outbox", ready: ".admin-nav", admin: true},
		{name: "admin-vouchers", path: "/admin/vouchers", ready: ".admin-nav", admin: true},
		{name: "admin-feedback", path: "/admin/feedback?seminar=" + strconv.FormatUint(uint64(s.date.SeminarID), 10), ready: ".admin-nav", admin: true},
	}
}

// signIn signs the browser in as the owner.
func (s *pageSite) signIn(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.ts.URL+"/admin/login"),
		chromedp.SendKeys(`input[name="email"]`, pageOwner),
		chromedp.SendKeys(`input[name="password"]`, pagePassword),
		chromedp.Submit(`input[name="password"]`),
		chromedp.WaitVisible(`.admin-nav`),
	)
	if err != nil {
		t.Fatal(err)
	}
}
