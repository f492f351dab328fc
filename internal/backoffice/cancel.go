package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// CancelBooking cancels a booking as the trainer, in one transaction: seats back, everything
// paid refunded (booking.FullRefund: by card through the outbox, by bank transfer flagged for a
// manual refund; no cancellation fee), everyone notified, the audit entry written, and the freed
// seats offered to whoever waits for the date. What is refunded is decided under the booking's
// lock.
func (s *Service) CancelBooking(ctx context.Context, actor, reference string) (model.Booking, error) {
	var b model.Booking
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		b, err = s.cancelBookingInTx(ctx, tx, actor, reference)
		return err
	})
	return b, err
}

// CancelBookingUnderPolicy is CancelBooking with the cancellation policy applied, as if the
// booker had cancelled through the manage link (booking.CancelUnderPolicyInTx): the fee is
// kept or stays owed. After the date has started it is model.ErrInvalidTransition.
func (s *Service) CancelBookingUnderPolicy(ctx context.Context, actor, reference string) (model.Booking, error) {
	var b model.Booking
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		before, after, refund, err := s.bookings.CancelUnderPolicyInTx(ctx, tx, reference)
		if err != nil {
			return fmt.Errorf("cancel %s under the policy: %w", reference, err)
		}
		b = after
		fee := s.bookings.QuoteCancellation(before).FeeCents
		detail := fmt.Sprintf("status: %s → %s; policy: fee_cents %d; refund_cents: %d", before.Status, model.BookingCancelled, fee, refund)
		if err := s.audit(ctx, tx, actor, model.AuditBookingCancelled, "booking "+b.Reference, detail); err != nil {
			return err
		}
		_, err = s.waitlist.offerFreeSeatsInTx(ctx, tx, b.DateID)
		return err
	})
	return b, err
}

func (s *Service) cancelBookingInTx(ctx context.Context, tx *store.Tx, actor, reference string) (model.Booking, error) {
	before, b, err := s.bookings.CancelByTrainerInTx(ctx, tx, reference)
	if err != nil {
		return model.Booking{}, fmt.Errorf("cancel %s: %w", reference, err)
	}
	detail := fmt.Sprintf("status: %s → %s; refund_cents: %d", before.Status, model.BookingCancelled, booking.FullRefund(b))
	if err := s.audit(ctx, tx, actor, model.AuditBookingCancelled, "booking "+b.Reference, detail); err != nil {
		return model.Booking{}, err
	}
	if _, err := s.waitlist.offerFreeSeatsInTx(ctx, tx, b.DateID); err != nil {
		return model.Booking{}, err
	}
	return b, nil
}

// CancelDate calls a date off in one transaction: the date takes no more bookings, the "date
// cancelled" event (attendees get the cancellation with a calendar CANCEL) and the audit entry
// are recorded, and every booking on it is cancelled like CancelBooking (seats, credit notes,
// full refunds through the outbox) but without a "booking cancelled" mail of its own.
//
// All or nothing: if one booking cannot be cancelled, the date and every other booking stay as
// they were and the error says which booking failed; confirming again retries the whole date.
// One transaction is feasible because nothing in it calls Stripe or SMTP (refunds and mail are
// outbox items delivered after commit); it holds the write lock for the time the date's
// bookings take to update, which is milliseconds for the few dozen a seminar date has.
//
// A date already cancelled with bookings left on it (an earlier version cancelled them one
// transaction at a time and could stop half-way) is finished: its remaining bookings are
// cancelled without a second event or audit entry for the date.
func (s *Service) CancelDate(ctx context.Context, actor string, dateID uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return s.cancelDateInTx(ctx, tx, actor, dateID) })
}

func (s *Service) cancelDateInTx(ctx context.Context, tx *store.Tx, actor string, dateID uint) error {
	d, err := tx.DateByID(ctx, dateID)
	if err != nil {
		return err
	}
	changed, err := tx.CancelDate(ctx, dateID)
	if err != nil {
		return err
	}
	if changed {
		// The sequence after the cancellation makes the key unique per date and cancellation.
		key := fmt.Sprintf("date-%d:seq-%d", dateID, d.Sequence+1)
		if err := booking.Notify(ctx, tx, key, model.EventPayload{Event: model.EventDateCancelled, DateID: dateID}); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, model.AuditDateCancelled, fmt.Sprintf("date %d", dateID),
			fmt.Sprintf("status: %s → %s; seats_taken: %d", d.Status, model.DateCancelled, d.SeatsTaken)); err != nil {
			return err
		}
	}
	bookings, err := tx.BookingsOfDate(ctx, dateID)
	if err != nil {
		return err
	}
	for _, b := range bookings {
		if _, err := s.bookings.CancelForCancelledDateInTx(ctx, tx, b.Reference); err != nil {
			return fmt.Errorf("cancel date %d: booking %s: %w", dateID, b.Reference, err)
		}
	}
	return nil
}
