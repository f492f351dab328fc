package demo

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// DemoBookingCounterKind is the demo bookings' number series in invoice_counters: their
// references count on their own (DEMO-2026-00001), so no demo booking looks like a real one.
const DemoBookingCounterKind = "demo_booking"

// demoVATRateBP is the rate the demo bookings are priced at: the default German rate (the demo
// is seeded before the service's settings matter, and it issues no invoice that would freeze one).
const demoVATRateBP = 1900

// seedPastBooking books one example attendee on the demo's past date, so the back office shows
// an attendee there and the attendee's page (reached by re-sending the confirmation from the
// booking page) lists the released materials. Nobody is checked in, so no certificate or
// survey goes out.
func seedPastBooking(ctx context.Context, tx *store.Tx, past model.SeminarDate, now time.Time) error {
	billing := model.Billing{Company: "Beispiel Handel GmbH (Demo)", Name: "Mia Beispiel", Email: "einkauf@beispiel-handel.example",
		Street: "Beispielweg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}
	attendees := []model.Attendee{{FirstName: "Mia", LastName: "Beispiel (Demo)", Email: "mia.beispiel@beispiel-handel.example"}}
	return seedDemoBooking(ctx, tx, past, billing, attendees, past.StartsAt.AddDate(0, 0, -21).UTC(), now, true)
}

// seedDemoBooking writes one example booking of attendees on d, confirmed at confirmed and
// marked paid, with a reference from the demo's own series. It has no invoice: an example must
// not use up a number of the real invoice series, and a paid booking is never reminded to pay.
// take says whether the booking takes its seats on d; dates whose demo seats are already
// counted in SeatsTaken pass false.
func seedDemoBooking(ctx context.Context, tx *store.Tx, d model.SeminarDate, billing model.Billing, attendees []model.Attendee,
	confirmed, now time.Time, take bool) error {
	year := now.Year()
	seq, err := tx.NextInvoiceSequence(ctx, DemoBookingCounterKind, year)
	if err != nil {
		return fmt.Errorf("demo booking: number: %w", err)
	}
	seats := len(attendees)
	totals := model.ComputeTotals(d.PriceNetCents*int64(seats), demoVATRateBP)
	b := model.Booking{
		Reference: fmt.Sprintf("%s%d-%05d", model.DemoReferencePrefix, year, seq), ManageRotation: 1,
		DateID: d.ID, Status: model.BookingConfirmed, PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentPaid,
		Billing: billing, Language: "de", Seats: seats, UnitNetCents: d.PriceNetCents,
		NetCents: totals.NetCents, VATCents: totals.VATCents, GrossCents: totals.GrossCents, VATRateBP: demoVATRateBP,
		TaxTreatment: model.TaxStandard, ConfirmedAt: &confirmed, CreatedAt: confirmed, UpdatedAt: confirmed,
		Attendees: attendees,
	}
	if take {
		if err := tx.TakeSeats(ctx, d.ID, b.Seats); err != nil {
			return fmt.Errorf("demo booking: seats: %w", err)
		}
	}
	if err := tx.CreateBooking(ctx, &b); err != nil {
		return fmt.Errorf("demo booking: %w", err)
	}
	return nil
}
