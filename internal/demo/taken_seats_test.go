package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
)

// TestSeedTakenSeatsHaveBookings: every seat the demo counts as taken belongs to a confirmed,
// paid demo booking of that date, so the dashboard, the attendee lists and check-in agree; the
// bookings issue no invoice, use only reserved .example addresses and name nobody twice.
func TestSeedTakenSeatsHaveBookings(t *testing.T) {
	ctx := context.Background()
	loc, now := wednesdayMorning(t)
	st := seededStore(t, now, loc)
	seminars, err := st.Catalogue(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	emails := map[string]bool{}
	datesWithSeats := 0
	for _, s := range seminars {
		for _, d := range s.Dates {
			bookings, err := st.BookingsOfDate(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d.SeatsTaken > 0 {
				datesWithSeats++
			}
			seats := 0
			for _, b := range bookings {
				if !b.IsDemo() || b.Status != model.BookingConfirmed || b.PaymentStatus != model.PaymentPaid || b.Seats != len(b.Attendees) {
					t.Errorf("%s on %s: %+v; want a confirmed, paid demo booking", b.Reference, s.Slug, b)
				}
				invoices, err := st.InvoicesForBooking(ctx, b.ID)
				if err != nil || len(invoices) != 0 {
					t.Errorf("%s has %d invoices (%v); a demo booking has none", b.Reference, len(invoices), err)
				}
				for _, a := range append(b.Attendees, model.Attendee{Email: b.Billing.Email}) {
					if !strings.HasSuffix(a.Email, ".example") {
						t.Errorf("%s: address %q is not on a reserved .example domain", b.Reference, a.Email)
					}
				}
				for _, a := range b.Attendees {
					if emails[a.Email] {
						t.Errorf("%s: %s appears twice in the demo", b.Reference, a.Email)
					}
					emails[a.Email] = true
				}
				seats += b.Seats
			}
			if seats != d.SeatsTaken {
				t.Errorf("%s on %s: %d seats booked, %d taken", s.Slug, d.StartsAt.Format(time.DateOnly), seats, d.SeatsTaken)
			}
		}
	}
	if datesWithSeats == 0 {
		t.Fatal("no demo date has taken seats; the test checks nothing")
	}
	due, err := st.RemindersDue(ctx, now, now.AddDate(1, 0, 0), "reminder:")
	if err != nil || len(due) != 0 {
		t.Errorf("reminders due for demo attendees: %d (%v); want none", len(due), err)
	}
}
