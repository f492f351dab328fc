package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// book stores an invoice booking on a date for the people named ("First names Last").
func (e *adminEnv) book(dateID uint, company string, people ...string) model.Booking {
	e.t.Helper()
	req := booking.Request{DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: company, Name: "Erika Muster", Email: "billing@" + strings.ToLower(strings.ReplaceAll(company, " ", "")) + ".example",
			Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}}
	for i, p := range people {
		cut := strings.LastIndex(p, " ")
		first, last := p[:cut], p[cut+1:]
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: first, LastName: last, Email: fmt.Sprintf("p%d-%d@example.com", dateID, i)})
	}
	res, err := e.srv.bookings.Reserve(context.Background(), req)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.Booking
}

func TestAdminPages(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	b := env.book(date.ID, "Muster GmbH", "Jörg Übel", "Anna Schmidt")
	owner := env.signedIn("owner@example.com")
	datePage := fmt.Sprintf("/admin/dates/%d", date.ID)
	semPage := fmt.Sprintf("/admin/seminars/%d", date.SeminarID)
	validDate := func(capacity string) url.Values {
		return url.Values{"starts_at": {"2027-03-10T09:00"}, "ends_at": {"2027-03-10T17:00"}, "capacity": {capacity},
			"price_net": {"490"}, "format": {"in_person"}, "city": {"Köln"}, "status": {"published"}}
	}
	cases := []struct {
		name       string
		method     string
		path       string
		form       url.Values
		wantStatus int
		wantBody   string
	}{
		{"dashboard", http.MethodGet, "/admin", nil, http.StatusOK, date.Seminar.TitleDE},
		{"seminar list", http.MethodGet, "/admin/seminars", nil, http.StatusOK, date.Seminar.TitleDE},
		{"new seminar form", http.MethodGet, "/admin/seminars/new", nil, http.StatusOK, `name="title_de"`},
		{"create seminar", http.MethodPost, "/admin/seminars", url.Values{"title_de": {"Social Media im Vertrieb"},
			"functions": {"sales", "marketing"}, "duration_minutes": {"480"}, "default_price": {"590,00"}, "published": {"yes"}}, http.StatusSeeOther, ""},
		{"create seminar without title", http.MethodPost, "/admin/seminars", url.Values{"duration_minutes": {"480"}, "default_price": {"abc"}},
			http.StatusUnprocessableEntity, "Bitte einen Betrag in Euro"},
		{"edit seminar", http.MethodGet, semPage, nil, http.StatusOK, datePage},
		{"update seminar", http.MethodPost, semPage, url.Values{"title_de": {"Neuer Titel"}, "slug": {date.Seminar.Slug},
			"duration_minutes": {"240"}, "default_price": {"390"}}, http.StatusSeeOther, ""},
		{"unknown seminar", http.MethodGet, "/admin/seminars/99999", nil, http.StatusNotFound, ""},
		{"new date form", http.MethodGet, semPage + "/dates/new", nil, http.StatusOK, `name="capacity"`},
		{"create date", http.MethodPost, semPage + "/dates", validDate("12"), http.StatusSeeOther, ""},
		{"create online date without link", http.MethodPost, semPage + "/dates", url.Values{"starts_at": {"2027-03-10T09:00"},
			"ends_at": {"2027-03-10T17:00"}, "capacity": {"12"}, "format": {"online"}}, http.StatusUnprocessableEntity, "Link zur Online-Veranstaltung"},
		{"edit date form", http.MethodGet, datePage, nil, http.StatusOK, `value="10"`},
		{"capacity below seats taken", http.MethodPost, datePage, validDate("1"), http.StatusUnprocessableEntity, "Es sind schon 2 Plätze gebucht"},
		{"capacity equal to seats taken", http.MethodPost, datePage, validDate("2"), http.StatusSeeOther, ""},
		{"bookings", http.MethodGet, "/admin/bookings", nil, http.StatusOK, b.Reference},
		{"search by company", http.MethodGet, "/admin/bookings?q=muster", nil, http.StatusOK, b.Reference},
		{"search by attendee", http.MethodGet, "/admin/bookings?q=schmidt", nil, http.StatusOK, b.Reference},
		{"search by reference", http.MethodGet, "/admin/bookings?q=" + strings.ToLower(b.Reference), nil, http.StatusOK, "Muster GmbH"},
		{"search without match", http.MethodGet, "/admin/bookings?q=nobody%25", nil, http.StatusOK, "Keine Buchungen gefunden"},
		{"attendee list", http.MethodGet, datePage + "/attendees", nil, http.StatusOK, "Übel, Jörg"},
		{"open invoices", http.MethodGet, "/admin/bookings?open=1", nil, http.StatusOK, b.Reference},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var res *http.Response
			var body string
			if c.method == http.MethodGet {
				res, body = owner.get(c.path)
			} else {
				res, body = owner.post("/admin", c.path, c.form)
			}
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d); body contains %q: %v\n%s", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody), excerpt(body))
			}
		})
	}
}

func excerpt(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if len(body) > 1500 {
		body = body[:1500]
	}
	return body
}

func TestAdminCapacityBelowSeatsTakenChangesNothing(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	env.book(date.ID, "Muster GmbH", "A One", "B Two", "C Three")
	owner := env.signedIn("owner@example.com")
	res, body := owner.post("/admin", fmt.Sprintf("/admin/dates/%d", date.ID), url.Values{
		"starts_at": {"2027-03-10T09:00"}, "ends_at": {"2027-03-10T17:00"}, "capacity": {"2"},
		"price_net": {"1"}, "format": {"online"}, "online_url": {"https://meet.example.com/x"}, "status": {"published"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "3 Plätze gebucht") {
		t.Fatalf("status %d", res.StatusCode)
	}
	after, err := env.st.DateByID(context.Background(), date.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Capacity != 10 || after.PriceNetCents != date.PriceNetCents || after.Format != date.Format || !after.StartsAt.Equal(date.StartsAt) {
		t.Fatalf("a refused edit changed the date: %+v", after)
	}
}

func TestAdminCSVExport(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	env.book(date.ID, "=HYPERLINK(\"http://evil\")", "=cmd|' /C calc'!A0 Hacker", "Jörg +49123", "Anna @home")
	owner := env.signedIn("assistant@example.com")
	res, body := owner.get(fmt.Sprintf("/admin/dates/%d/attendees.csv", date.ID))
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("status %d, type %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Fatal("the CSV does not start with a UTF-8 byte order mark")
	}
	if !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatal("not offered as a download")
	}
	cases := []struct{ name, want string }{
		{"header with ; separator", "Nachname;Vorname;E-Mail;Firma"},
		{"formula in first name", `'=cmd|' /C calc'!A0`},
		{"formula in company", `"'=HYPERLINK(""http://evil"")"`},
		{"plus in last name", "'+49123"},
		{"at sign in last name", "'@home"},
		{"umlauts kept", "Jörg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(body, c.want) {
				t.Fatalf("CSV lacks %q:\n%s", c.want, body)
			}
		})
	}
	for _, line := range strings.Split(strings.TrimPrefix(body, "\uFEFF"), "\r\n") {
		for _, cell := range strings.Split(line, ";") {
			if cell = strings.TrimPrefix(cell, `"`); cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Fatalf("cell %q starts a formula", cell)
			}
		}
	}
}

func TestAdminCheckIn(t *testing.T) {
	env := newAdminEnv(t)
	// Today, an hour from now: check-in is open on the date's day only.
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{StartsAt: env.srv.now().Add(time.Hour)})
	other := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	att := b.Attendees[0]
	gone := env.book(date.ID, "Weg GmbH", "Otto Storno")
	if _, err := env.srv.bookings.Cancel(context.Background(), gone.Reference, 0); err != nil {
		t.Fatal(err)
	}
	assistant := env.signedIn("assistant@example.com")
	list := fmt.Sprintf("/admin/dates/%d/attendees", date.ID)
	cases := []struct {
		name       string
		path       string
		wantStatus int
	}{
		{"attendee of a cancelled booking: a notice on the list", fmt.Sprintf("%s/%d/check-in", list, gone.Attendees[0].ID), http.StatusSeeOther},
		{"check in", fmt.Sprintf("%s/%d/check-in", list, att.ID), http.StatusSeeOther},
		{"again keeps the first time", fmt.Sprintf("%s/%d/check-in", list, att.ID), http.StatusSeeOther},
		{"attendee of another date", fmt.Sprintf("/admin/dates/%d/attendees/%d/check-in", other.ID, att.ID), http.StatusNotFound},
		{"unknown attendee", fmt.Sprintf("%s/99999/check-in", list), http.StatusNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if res, _ := assistant.post(list, c.path, nil); res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, c.wantStatus)
			}
		})
	}
	res, _ := assistant.post(list, fmt.Sprintf("%s/%d/check-in", list, gone.Attendees[0].ID), nil)
	if _, body, _ := assistant.follow(t, res.Header.Get("Location")); !strings.Contains(body, "nicht bestätigt") {
		t.Fatalf("no clear message for a cancelled booking:\n%s", excerpt(body))
	}
	_, body := assistant.get(list)
	if !strings.Contains(body, "1 eingecheckt") || strings.Contains(body, fmt.Sprintf(`%d/check-in"`, att.ID)) || !strings.Contains(body, "/check-in/undo") {
		t.Fatalf("the list does not show the check-in:\n%s", excerpt(body))
	}
}

func TestAdminMarkPaidOwnerOnly(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	path := "/admin/bookings/" + b.Reference + "/paid"
	assistant := env.signedIn("assistant@example.com")
	if _, body := assistant.get("/admin/bookings"); strings.Contains(body, path) {
		t.Fatal("the assistant is offered a money operation")
	}
	owner := env.signedIn("owner@example.com")
	cases := []struct {
		name       string
		who        *adminBrowser
		path       string
		wantStatus int
		wantPaid   model.PaymentStatus
	}{
		{"assistant refused", assistant, path, http.StatusForbidden, model.PaymentUnpaid},
		{"owner marks paid", owner, path, http.StatusSeeOther, model.PaymentPaid},
		{"twice is refused", owner, path, http.StatusConflict, model.PaymentPaid},
		{"unknown booking", owner, "/admin/bookings/SEM-XXXXXX/paid", http.StatusNotFound, model.PaymentPaid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if res, _ := c.who.post("/admin/bookings", c.path, nil); res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, c.wantStatus)
			}
			got, err := env.st.BookingByReference(context.Background(), b.Reference)
			if err != nil {
				t.Fatal(err)
			}
			if got.PaymentStatus != c.wantPaid {
				t.Fatalf("payment status %s, want %s", got.PaymentStatus, c.wantPaid)
			}
		})
	}
	if _, body := owner.get("/admin/bookings?open=1"); strings.Contains(body, b.Reference) {
		t.Fatal("a paid booking is still listed as an open invoice")
	}
}
