package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ErrOtherSeminar says a booking can only move to a date of the same seminar.
var ErrOtherSeminar = booking.ErrOtherSeminar

// MoveBooking moves a booking with all its attendees to another date of the same seminar, in
// one transaction (booking.MoveInTx): seats taken on the new date (or a *model.SoldOutError, and
// nothing changes) and given back on the old one, new invites, and the invoice corrected — a
// credit note for the old one and a new invoice with the new service date, at the booked price.
// The seats freed on the old date are offered to its waiting list in the same transaction.
func (s *Service) MoveBooking(ctx context.Context, actor, reference string, toDateID uint) (model.Booking, error) {
	var b model.Booking
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		m, err := s.bookings.MoveInTx(ctx, tx, reference, toDateID)
		if err != nil {
			return err
		}
		b = m.After
		if err := s.audit(ctx, tx, actor, model.AuditBookingMoved, "booking "+b.Reference,
			fmt.Sprintf("date: %d → %d; seats: %d%s", m.Before.DateID, b.DateID, b.Seats, correctionDetail(m.Correction))); err != nil {
			return err
		}
		_, err = s.waitlist.offerFreeSeatsInTx(ctx, tx, m.Before.DateID)
		return err
	})
	return b, err
}

// MoveAttendee moves one attendee of a booking to another date of the same seminar, in one
// transaction (booking.MoveAttendeeInTx): the attendee gets a booking of their own there with
// its own invoice, and the original booking is corrected for the attendees who stay. The seat
// freed on the old date is offered to its waiting list.
func (s *Service) MoveAttendee(ctx context.Context, actor, reference string, attendeeID, toDateID uint) (booking.Moved, error) {
	var m booking.Moved
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if m, err = s.bookings.MoveAttendeeInTx(ctx, tx, reference, attendeeID, toDateID); err != nil {
			return err
		}
		detail := fmt.Sprintf("attendee %d: date %d → %d", attendeeID, m.Before.DateID, toDateID)
		if m.Split.ID != 0 {
			detail += "; new booking " + m.Split.Reference
		}
		if err := s.audit(ctx, tx, actor, model.AuditBookingMoved, "booking "+m.Before.Reference, detail+correctionDetail(m.Correction)); err != nil {
			return err
		}
		_, err = s.waitlist.offerFreeSeatsInTx(ctx, tx, m.Before.DateID)
		return err
	})
	return m, err
}

// correctionDetail names the documents a correction issued, for the audit entry.
func correctionDetail(c booking.Corrected) string {
	if c.Invoice.ID == 0 {
		return ""
	}
	return fmt.Sprintf("; %s cancels %s, new invoice %s", c.CreditNote.Number, c.CreditNote.OriginalNumber, c.Invoice.Number)
}
