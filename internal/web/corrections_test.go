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

// TestAdminBookingBillingEdit: both roles correct an address (credit note and new invoice with
// it); a change that alters the tax, and so the price, is an owner's; bad input is shown at its
// field; nothing changes when refused.
func TestAdminBookingBillingEdit(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5, Format: model.FormatOnline})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier")
	page := "/admin/bookings/" + b.Reference + "/billing"
	billing := func(change func(v url.Values)) url.Values {
		v := url.Values{"billing.company": {"Muster GmbH"}, "billing.name": {"Erika Muster"}, "billing.email": {"billing@mustergmbh.example"},
			"billing.street": {"Weg 1"}, "billing.postal_code": {"10115"}, "billing.city": {"Berlin"}, "billing.country": {"DE"}}
		change(v)
		return v
	}
	assistant, owner := env.signedIn("assistant@example.com"), env.signedIn("owner@example.com")
	if res, body := assistant.get(page); res.StatusCode != http.StatusOK || !strings.Contains(body, `value="Weg 1"`) {
		t.Fatalf("billing page: %d", res.StatusCode)
	}
	abroad := func(v url.Values) {
		v.Set("billing.country", "AT")
		v.Set("billing.vat_id", "ATU12345678")
		v.Set("billing.postal_code", "1010")
	}
	cases := []struct {
		name       string
		as         *adminBrowser
		form       url.Values
		wantStatus int
		wantBody   string
		wantDocs   int
	}{
		{"a bad postal code", assistant, billing(func(v url.Values) { v.Set("billing.postal_code", "1") }), http.StatusUnprocessableEntity, "Postleitzahl", 1},
		{"assistant corrects the street", assistant, billing(func(v url.Values) { v.Set("billing.street", "Neuer Weg 7") }), http.StatusSeeOther, "", 3},
		{"the same again changes nothing", assistant, billing(func(v url.Values) { v.Set("billing.street", "Neuer Weg 7") }), http.StatusSeeOther, "", 3},
		{"assistant may not change the tax", assistant, billing(abroad), http.StatusForbidden, "nur die Leitung", 3},
		{"owner changes it: reverse charge", owner, billing(abroad), http.StatusSeeOther, "", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := c.as.post(page, page, c.form)
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), has %q: %v", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody))
			}
			docs, err := env.st.InvoicesForBooking(ctx, b.ID)
			if err != nil || len(docs) != c.wantDocs {
				t.Fatalf("%d documents (%v), want %d", len(docs), err, c.wantDocs)
			}
		})
	}
	docs, _ := env.st.InvoicesForBooking(ctx, b.ID)
	cur, _, _ := model.CurrentInvoice(docs)
	if cur.Buyer.Country != "AT" || cur.TaxTreatment != model.TaxReverseCharge || cur.VATCents != 0 || docs[2].Buyer.Street != "Neuer Weg 7" {
		t.Fatalf("standing invoice %s: %+v, %s, VAT %d", cur.Number, cur.Buyer, cur.TaxTreatment, cur.VATCents)
	}
}

// TestAdminMoveOneAttendee: the move page moves one attendee to a booking of their own on the
// target date; the original keeps the others with a corrected invoice.
func TestAdminMoveOneAttendee(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	from := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5})
	start := from.StartsAt.Add(7 * 24 * time.Hour)
	to := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 3, Format: model.FormatInPerson, City: "Berlin", Status: model.DatePublished}
	if err := env.srv.office.CreateDate(ctx, "test", from.SeminarID, &to); err != nil {
		t.Fatal(err)
	}
	b := env.book(from.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier")
	page := "/admin/bookings/" + b.Reference + "/move"
	res, body := env.signedIn("assistant@example.com").post(page, page, url.Values{"date": {fmt.Sprint(to.ID)}, "attendee": {fmt.Sprint(b.Attendees[1].ID)}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("move: %d %s", res.StatusCode, body)
	}
	orig, _ := env.st.BookingByReference(ctx, b.Reference)
	if orig.Seats != 1 || len(orig.Attendees) != 1 || orig.DateID != from.ID {
		t.Fatalf("original booking: %d seats, %d attendees, date %d", orig.Seats, len(orig.Attendees), orig.DateID)
	}
	for id, want := range map[uint]int{from.ID: 1, to.ID: 1} {
		d, _ := env.st.DateByID(ctx, id)
		if d.SeatsTaken != want {
			t.Errorf("date %d: %d seats taken, want %d", id, d.SeatsTaken, want)
		}
	}
	docs, _ := env.st.InvoicesForBooking(ctx, b.ID)
	if len(docs) != 3 || docs[2].GrossCents != orig.GrossCents || len(docs[2].Lines) != 1 {
		t.Fatalf("original's documents: %d", len(docs))
	}
}

// TestBookerMovePage: the manage page offers the dates with room while the move is free and
// moves the booking; once cancelling costs a fee it says to contact the trainer (de and en) and
// a posted move is refused.
func TestBookerMovePage(t *testing.T) {
	cases := []struct {
		name       string
		lang       string
		days       int // the booked date starts in
		capacity   int // of the target date
		wantStatus int
		wantBody   string
		wantDate   string // "to" when the booking moved
	}{
		{"inside the free period", "de", 30, 5, http.StatusSeeOther, "", "to"},
		{"after the free period", "de", 10, 5, http.StatusUnprocessableEntity, "Bitte wenden Sie sich an uns", "from"},
		{"after the free period, in English", "en", 10, 5, http.StatusUnprocessableEntity, "Please contact us", "from"},
		{"to a full date", "de", 30, 1, http.StatusConflict, "nicht mehr genug Plätze", "from"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newAdminEnv(t)
			ctx := context.Background()
			from := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5, StartsIn: time.Duration(c.days) * 24 * time.Hour})
			start := from.StartsAt.Add(7 * 24 * time.Hour)
			to := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: c.capacity, Format: model.FormatInPerson, City: "Berlin", Status: model.DatePublished}
			if err := env.srv.office.CreateDate(ctx, "test", from.SeminarID, &to); err != nil {
				t.Fatal(err)
			}
			res, err := env.srv.bookings.Reserve(ctx, booking.Request{DateID: from.ID, PaymentMethod: model.PaymentInvoice, Language: c.lang,
				Billing:   model.Billing{Company: "Muster GmbH", Name: "Erika Muster", Email: "billing@muster.example", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Schmidt", Email: "anna@muster.example"}, {FirstName: "Ben", LastName: "Meier", Email: "ben@muster.example"}}})
			if err != nil {
				t.Fatal(err)
			}
			// The page's language comes from its URL: English at /en/b/….
			prefix := map[string]string{"de": "", "en": "/en"}[c.lang]
			manage := prefix + "/b/" + res.Booking.Reference + "?t=" + url.QueryEscape(res.ManageToken)
			br := env.browser()
			resp, page := br.get(manage)
			if resp.StatusCode != http.StatusOK || !strings.Contains(page, `id="move"`) {
				t.Fatalf("manage page: %d, move section %v", resp.StatusCode, strings.Contains(page, `id="move"`))
			}
			resp, body := br.post(manage, prefix+"/b/"+res.Booking.Reference+"/move", url.Values{"t": {res.ManageToken}, "date": {fmt.Sprint(to.ID)}})
			if resp.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), has %q: %v\n%s", resp.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody), body)
			}
			b, _ := env.st.BookingByReference(ctx, res.Booking.Reference)
			want := map[string]uint{"to": to.ID, "from": from.ID}[c.wantDate]
			if b.DateID != want {
				t.Fatalf("booking on date %d, want %d", b.DateID, want)
			}
		})
	}
}
