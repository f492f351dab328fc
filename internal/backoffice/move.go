package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ErrOtherSeminar says a booking can only move to a date of the same seminar.
var ErrOtherSeminar = &model.ValidationError{Fields: map[string]string{"date": "admin.move.error.other_seminar"}}

// MoveBooking moves a booking with all its attendees to another date of the same seminar, in
// one transaction: the seats are taken on the new date (or a *model.SoldOutError, and nothing
// changes) and given back on the old one, and every attendee gets the new invite and the old
// one cancelled. The price stays as booked. The seats freed on the old date are offered to its
// waiting list in the same transaction.
func (s *Service) MoveBooking(ctx context.Context, actor, reference string, toDateID uint) (model.Booking, error) {
	var b model.Booking
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if b, err = tx.BookingByReference(ctx, reference); err != nil {
			return err
		}
		if !model.HoldsSeats(b.Status) {
			return fmt.Errorf("move %s (%s): %w", b.Reference, b.Status, model.ErrInvalidTransition)
		}
		to, err := tx.DateByID(ctx, toDateID)
		if err != nil {
			return err
		}
		if to.SeminarID != b.Date.SeminarID || to.ID == b.DateID {
			return ErrOtherSeminar
		}
		if to.Status == model.DateCancelled || !to.StartsAt.After(s.now()) {
			return fmt.Errorf("move %s to date %d: %w", b.Reference, to.ID, model.ErrNotBookable)
		}
		from := b.DateID
		if err := tx.TakeSeats(ctx, to.ID, b.Seats); err != nil {
			return err
		}
		if err := tx.ReleaseSeats(ctx, from, b.Seats); err != nil {
			return err
		}
		if err := tx.MoveBookingDate(ctx, b.ID, from, to.ID); err != nil {
			return err
		}
		if err := notifyMoved(ctx, tx, b, from, to.ID, s.now().UnixNano()); err != nil {
			return err
		}
		b.DateID = to.ID
		if err := s.audit(ctx, tx, actor, model.AuditBookingMoved, "booking "+b.Reference,
			fmt.Sprintf("date: %d → %d; seats: %d", from, to.ID, b.Seats)); err != nil {
			return err
		}
		_, err = s.waitlist.offerFreeSeatsInTx(ctx, tx, from)
		return err
	})
	return b, err
}

func notifyMoved(ctx context.Context, tx *store.Tx, b model.Booking, from, to uint, stamp int64) error {
	for _, a := range b.Attendees {
		err := booking.Notify(ctx, tx, fmt.Sprintf("%d:%d:%d:%d", b.ID, a.ID, to, stamp), model.EventPayload{
			Event: model.EventAttendeeMoved, BookingID: b.ID, AttendeeID: a.ID, DateID: to,
			Extra: model.EventExtra{FromDateID: from},
		})
		if err != nil {
			return err
		}
	}
	return nil
}
