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
		fee = s.settings.Cancellation.Fee(b.GrossCents, b.Date.StartsAt, s.now())
	}
	q := CancellationQuote{FeeCents: fee, Free: fee == 0}
	if b.PaymentStatus == model.PaymentPaid {
		q.RefundCents = b.GrossCents - fee
	}
	return q
}

// CancelByBooker cancels a booking through its manage link under the cancellation policy. The
// fee and refund are quoted from the booking as locked in the cancelling transaction, not from
// the one read here: a payment confirmed in between must be refunded, not kept.
func (s *Service) CancelByBooker(ctx context.Context, reference, token string) (model.Booking, error) {
	b, err := s.Lookup(ctx, reference, token)
	if err != nil {
		return model.Booking{}, err
	}
	if !s.BookerMayCancel(b) {
		return model.Booking{}, fmt.Errorf("cancel %s after the start: %w", b.Reference, model.ErrInvalidTransition)
	}
	return s.cancel(ctx, b.Reference, cancelRequest{byBooker: true})
}

// BookerMayCancel tells whether the manage page offers cancelling: only before the seminar starts.
func (s *Service) BookerMayCancel(b model.Booking) bool {
	return model.CanTransition(b.Status, model.BookingCancelled) && b.Date != nil && s.now().Before(b.Date.StartsAt)
}

// Cancel cancels a booking as the trainer, gives its seats back and, for a booking paid by card,
// refunds refundCents (at most what was paid) through Stripe after commit. No fee applies: an
// unpaid booking is credited in full. Prefer CancelByTrainer, which works out the refund from
// the locked booking; the booker's manage page goes through CancelByBooker.
func (s *Service) Cancel(ctx context.Context, reference string, refundCents int64) (model.Booking, error) {
	return s.cancel(ctx, reference, cancelRequest{refundCents: refundCents})
}

// CancelByTrainer cancels a booking as the trainer: no fee, everything paid goes back (by card
// through Stripe, by bank transfer flagged for the trainer to send), worked out from the booking
// as locked in the cancelling transaction, so a payment confirmed a moment earlier is included.
func (s *Service) CancelByTrainer(ctx context.Context, reference string) (model.Booking, error) {
	return s.cancel(ctx, reference, cancelRequest{refundAll: true})
}

// CancelForCancelledDate is CancelByTrainer for each booking of a date the trainer called off:
// the same refunds and credit notes, but no "booking cancelled" message, because everyone gets
// the date's own cancellation notice (EventDateCancelled) instead of two mails for one event.
func (s *Service) CancelForCancelledDate(ctx context.Context, reference string) (model.Booking, error) {
	return s.cancel(ctx, reference, cancelRequest{refundAll: true, quiet: true})
}

// cancelRequest says who cancels: the booker (refund quoted under the policy from the locked
// booking) or the trainer (everything paid, or refundCents as given).
type cancelRequest struct {
	byBooker    bool
	refundAll   bool
	refundCents int64
	quiet       bool // the caller tells everyone another way
}

func (s *Service) cancel(ctx context.Context, reference string, req cancelRequest) (model.Booking, error) {
	var b model.Booking
	refundCents := req.refundCents
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		b, err = tx.LockBooking(ctx, strings.ToUpper(strings.TrimSpace(reference)))
		if err != nil {
			return err
		}
		if req.byBooker {
			if !s.BookerMayCancel(b) {
				return fmt.Errorf("cancel %s after the start: %w", b.Reference, model.ErrInvalidTransition)
			}
			refundCents = s.QuoteCancellation(b).RefundCents
		}
		if req.refundAll && b.PaymentStatus == model.PaymentPaid {
			refundCents = b.GrossCents
		}
		refundCents = min(max(refundCents, 0), b.GrossCents)
		wasPending := b.Status == model.BookingPendingPayment
		credit := refundCents // paid: what is refunded
		if b.PaymentStatus != model.PaymentPaid {
			credit = b.GrossCents // unpaid: what is no longer owed; only the booker pays a fee
			if req.byBooker {
				credit -= s.QuoteCancellation(b).FeeCents
			}
		}
		if err := s.releaseSeats(ctx, tx, &b, model.BookingCancelled); err != nil {
			return err
		}
		if err := s.CreditCancellation(ctx, tx, b.ID, credit, "", s.now().UTC()); err != nil {
			return err
		}
		if !req.quiet {
			if err := Notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventBookingCancelled, BookingID: b.ID}); err != nil {
				return err
			}
		}
		if wasPending {
			if err := enqueueExpireSession(ctx, tx, &b); err != nil {
				return err
			}
		}
		if b.PaymentStatus != model.PaymentPaid || refundCents == 0 {
			return nil
		}
		if b.PaymentMethod != model.PaymentCard {
			return flagManualRefund(ctx, tx, &b, refundCents)
		}
		return enqueueRefund(ctx, tx, &b, refundCents, "cancel")
	})
	if err != nil {
		return model.Booking{}, fmt.Errorf("cancel %s: %w", reference, err)
	}
	s.log.InfoContext(ctx, "booking cancelled", "reference", b.Reference, "refund_cents", refundCents)
	return b, nil
}

// flagManualRefund tells the trainer that money paid by bank transfer has to go back: no
// service can send it, so the booking waits on the dashboard with the amount.
func flagManualRefund(ctx context.Context, tx *store.Tx, b *model.Booking, amount int64) error {
	b.NeedsAttention, b.AttentionReason, b.RefundDueCents = true, model.AttentionRefundManual, amount
	return tx.SaveBookingPayment(ctx, b)
}
