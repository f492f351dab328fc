package booking

import (
	"context"
	"fmt"
	"strings"

	"seminars/internal/model"
	"seminars/internal/store"
)

// CancellationQuote is what cancelling a booking now would cost and give back.
type CancellationQuote struct {
	FeeCents    int64
	RefundCents int64 // money sent back (only for bookings paid by card)
	Free        bool
}

// QuoteCancellation applies the cancellation policy to a booking at the service's current time.
func (s *Service) QuoteCancellation(b model.Booking) CancellationQuote {
	var fee int64
	if b.Date != nil && b.Status == model.BookingConfirmed {
		fee = s.pay.Policy.Fee(b.GrossCents, b.Date.StartsAt, s.now().UTC())
	}
	q := CancellationQuote{FeeCents: fee, Free: fee == 0}
	if b.PaymentStatus == model.PaymentPaid {
		q.RefundCents = b.GrossCents - fee
	}
	return q
}

// CancelByBooker cancels a booking through its manage link under the cancellation policy.
func (s *Service) CancelByBooker(ctx context.Context, reference, token string) (model.Booking, error) {
	b, err := s.Lookup(ctx, reference, token)
	if err != nil {
		return model.Booking{}, err
	}
	if !s.BookerMayCancel(b) {
		return model.Booking{}, fmt.Errorf("cancel %s after the start: %w", b.Reference, model.ErrInvalidTransition)
	}
	return s.Cancel(ctx, b.Reference, s.QuoteCancellation(b).RefundCents)
}

// BookerMayCancel tells whether the manage page offers cancelling: only before the seminar starts.
func (s *Service) BookerMayCancel(b model.Booking) bool {
	return model.CanTransition(b.Status, model.BookingCancelled) && b.Date != nil && s.now().Before(b.Date.StartsAt)
}

// Cancel cancels a booking, gives its seats back and, for a booking paid by card, refunds
// refundCents (at most what was paid) through Stripe after commit. The trainer passes the full
// amount; the booker's manage page passes what the policy leaves after the fee.
func (s *Service) Cancel(ctx context.Context, reference string, refundCents int64) (model.Booking, error) {
	var b model.Booking
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		b, err = tx.LockBooking(ctx, strings.ToUpper(strings.TrimSpace(reference)))
		if err != nil {
			return err
		}
		wasPending := b.Status == model.BookingPendingPayment
		credit := min(max(refundCents, 0), b.GrossCents) // paid: what is refunded
		if b.PaymentStatus != model.PaymentPaid {
			credit = b.GrossCents - s.QuoteCancellation(b).FeeCents // unpaid: what is no longer owed
		}
		if err := s.releaseSeats(ctx, tx, &b, model.BookingCancelled); err != nil {
			return err
		}
		if err := s.CreditCancellation(ctx, tx, b.ID, credit, "", s.now().UTC()); err != nil {
			return err
		}
		if err := notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventBookingCancelled, BookingID: b.ID}); err != nil {
			return err
		}
		if wasPending {
			if err := enqueueExpireSession(ctx, tx, &b); err != nil {
				return err
			}
		}
		if b.PaymentMethod != model.PaymentCard || b.PaymentStatus != model.PaymentPaid {
			return nil
		}
		return enqueueRefund(ctx, tx, &b, min(max(refundCents, 0), b.GrossCents), "cancel")
	})
	if err != nil {
		return model.Booking{}, fmt.Errorf("cancel %s: %w", reference, err)
	}
	s.log.InfoContext(ctx, "booking cancelled", "reference", b.Reference, "refund_cents", refundCents)
	return b, nil
}
