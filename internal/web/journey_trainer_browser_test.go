package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestBrowserJourneyTrainersDay is the trainer's day at 1280 and 390 px: sign in, check in an
// attendee of today's date by typing the short code from their ticket (lower case, spaces for
// dashes, as a hurried thumb types it), then cancel another date and see the confirmation; the
// date's attendee list and its cancel page agree with it afterwards.
func TestBrowserJourneyTrainersDay(t *testing.T) {
	eachWidth(t, "trainer", 2*time.Minute, func(t *testing.T, j *journey) {
		s := newPageSite(t)
		ctx := context.Background()
		now := s.st.Now().In(storetest.Berlin())
		day := func(h int) time.Time {
			return time.Date(now.Year(), now.Month(), now.Day(), h, 0, 0, 0, storetest.Berlin())
		}
		// Booked a week ahead (a started date takes no bookings), then moved to today.
		today := model.SeminarDate{SeminarID: s.date.SeminarID, StartsAt: day(9).AddDate(0, 0, 7), EndsAt: day(17).AddDate(0, 0, 7), Capacity: 10,
			PriceNetCents: s.date.PriceNetCents, Format: model.FormatInPerson, City: "Berlin", Venue: "Tagungshaus",
			Address: "Spreeweg 1, 10557 Berlin", Status: model.DatePublished}
		if err := s.st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateDate(ctx, &today) }); err != nil {
			t.Fatal(err)
		}
		res, err := s.app.Bookings.Reserve(ctx, booking.Request{DateID: today.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
			Billing: model.Billing{Company: "Firma GmbH", Name: "Max Muster", Email: "einkauf@firma.example",
				Street: "Hauptstraße 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
			Attendees: []booking.AttendeeInput{{FirstName: "Carla", LastName: "Neumann", Email: "carla@firma.example"}}})
		if err != nil {
			t.Fatal(err)
		}
		today.StartsAt, today.EndsAt = day(9), day(17)
		if err := s.st.WithTx(ctx, func(tx *store.Tx) error { return tx.UpdateDate(ctx, &today) }); err != nil {
			t.Fatal(err)
		}
		att := res.Booking.Attendees[0]
		code := s.app.Secrets.AttendeeCode(att.ID, att.SecretRotation)
		typed := strings.Replace(strings.ToLower(strings.ReplaceAll(code, "-", " ")), " ", "-", 1)

		s.signIn(t, j.ctx)
		j.state("dashboard")
		j.do(chromedp.Navigate(s.ts.URL+"/admin/check-in"), chromedp.WaitVisible(`input[name="code"]`))
		j.state("check-in")
		j.do(chromedp.SendKeys(`input[name="code"]`, typed), chromedp.Submit(`input[name="code"]`),
			chromedp.WaitVisible(`.check-in-person .check-in-confirm`))
		if who := j.text(".check-in-person h2"); who != "Carla Neumann" {
			t.Fatalf("the code %q shows %q", typed, who)
		}
		j.state("person")
		j.do(chromedp.Click(`.check-in-confirm`, chromedp.NodeVisible), chromedp.WaitVisible(`p.notice-ok[role="status"]`))
		j.state("checked-in")
		b, err := s.st.BookingByReference(ctx, res.Booking.Reference)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Attendees) != 1 || b.Attendees[0].CheckedInAt == nil {
			t.Fatalf("after the check-in the attendee is %+v", b.Attendees)
		}

		// Cancel the date that has a booking: from its page, the confirmation, then the list, which
		// says the date is off rather than that nobody booked.
		id := s.date.ID
		j.do(chromedp.Navigate(fmt.Sprintf("%s/admin/dates/%d", s.ts.URL, id)),
			chromedp.Click(fmt.Sprintf(`a[href="/admin/dates/%d/cancel"]`, id), chromedp.NodeVisible),
			chromedp.WaitVisible(`button.contrast`))
		if affected := j.text("main article"); !strings.Contains(affected, s.reference) {
			t.Fatalf("the cancel page does not name the booking %s: %q", s.reference, affected)
		}
		j.state("cancel")
		j.do(chromedp.Click(`button.contrast`, chromedp.NodeVisible), chromedp.WaitVisible(`p.notice-ok[role="status"]`))
		j.state("cancelled")
		if d, err := s.st.DateByID(ctx, id); err != nil || d.Status != model.DateCancelled {
			t.Fatalf("the date is %q after cancelling (%v)", d.Status, err)
		}
		j.do(chromedp.Navigate(fmt.Sprintf("%s/admin/dates/%d/attendees", s.ts.URL, id)), chromedp.WaitVisible(`.admin-nav`))
		if list := j.text("main"); strings.Contains(list, "noch niemand gebucht") || !strings.Contains(list, "Dieser Termin ist abgesagt") {
			t.Fatalf("the attendee list after cancelling: %q", list)
		}
		j.do(chromedp.Navigate(fmt.Sprintf("%s/admin/dates/%d/cancel", s.ts.URL, id)), chromedp.WaitVisible(`p.notice-ok[role="status"]`))
		if n := eval[int](j, `document.querySelectorAll('button.contrast, .notice-error').length`); n != 0 {
			t.Fatal("the cancel page of a cancelled date still offers cancelling or contradicts itself")
		}
		j.state("cancelled-again")
	})
}
