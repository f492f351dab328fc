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
		// Fees already kept for attendees cancelled one at a time stay owed in full; the policy
		// applies to the seats still booked.
		kept := min(b.FeesGrossCents(), b.GrossCents)
		fee = kept + s.settings.Cancellation.Fee(b.GrossCents-kept, b.Date.StartsAt, s.now())
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
// The back office calls CancelByTrainerInTx instead, to write its audit entry in the same
// transaction.
func (s *Service) CancelByTrainer(ctx context.Context, reference string) (model.Booking, error) {
	return s.cancel(ctx, reference, cancelRequest{refundAll: true})
}

// CancelByTrainerInTx is CancelByTrainer inside the caller's transaction tx; it returns the
// booking as it was before (the status the audit entry records) and after the cancellation.
func (s *Service) CancelByTrainerInTx(ctx context.Context, tx *store.Tx, reference string) (before, after model.Booking, err error) {
	c, err := s.cancelInTx(ctx, tx, reference, cancelRequest{refundAll: true})
	return c.before, c.after, err
}

// CancelUnderPolicyInTx cancels a booking in tx as the trainer on the booker's behalf (a booker
// who phones instead of using the manage link): the cancellation policy applies exactly as if
// the booker had cancelled — the fee is kept or still owed, the rest refunded — and, as for the
// booker, only before the date starts (model.ErrInvalidTransition after).
func (s *Service) CancelUnderPolicyInTx(ctx context.Context, tx *store.Tx, reference string) (before, after model.Booking, refundCents int64, err error) {
	c, err := s.cancelInTx(ctx, tx, reference, cancelRequest{byBooker: true})
	return c.before, c.after, c.refundCents, err
}

// CancelForCancelledDateInTx is CancelByTrainerInTx for each booking of a date the trainer
// called off: the same refunds and credit notes, but no "booking cancelled" message, because
// everyone gets the date's own cancellation notice (EventDateCancelled) instead of two mails
// for one event. The back office runs it for every booking of the date in the transaction that
// cancels the date.
func (s *Service) CancelForCancelledDateInTx(ctx context.Context, tx *store.Tx, reference string) (model.Booking, error) {
	c, err := s.cancelInTx(ctx, tx, reference, cancelRequest{refundAll: true, quiet: true})
	return c.after, err
}

// FullRefund is what the trainer refunds when cancelling: everything that was paid (by card
// through Stripe, by transfer as a manual refund the dashboard asks for). The back office shows
// it before a cancellation and records it in the audit log.
func FullRefund(b model.Booking) int64 {
	if b.PaymentStatus == model.PaymentPaid || b.PaymentStatus == model.PaymentRefunded || b.PaymentStatus == model.PaymentPartiallyRefunded {
		return b.GrossCents
	}
	return 0
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
	var refundCents int64
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		c, err := s.cancelInTx(ctx, tx, reference, req)
		b, refundCents = c.after, c.refundCents
		return err
	})
	if err != nil {
		return model.Booking{}, fmt.Errorf("cancel %s: %w", reference, err)
	}
	s.log.InfoContext(ctx, "booking cancelled", "reference", b.Reference, "refund_cents", refundCents)
	return b, nil
}

// cancelled is what cancelInTx did: the booking as locked before the change and after it, and
// what is refunded.
type cancelled struct {
	before, after model.Booking
	refundCents   int64
}

// cancelInTx cancels a booking in tx: seats back, a credit note, the refund (or the flag for a
// manual one) in the outbox.
func (s *Service) cancelInTx(ctx context.Context, tx *store.Tx, reference string, req cancelRequest) (cancelled, error) {
	refundCents := req.refundCents
	b, err := tx.LockBooking(ctx, strings.ToUpper(strings.TrimSpace(reference)))
	if err != nil {
		return cancelled{}, err
	}
	before := b
	if req.byBooker {
		if !s.BookerMayCancel(b) {
			return cancelled{}, fmt.Errorf("cancel %s after the start: %w", b.Reference, model.ErrInvalidTransition)
		}
		refundCents = s.QuoteCancellation(b).RefundCents
	}
	if req.refundAll && b.PaymentStatus == model.PaymentPaid {
		refundCents = b.GrossCents
	}
	refundCents = min(max(refundCents, 0), b.GrossCents)
	wasPending := b.Status == model.BookingPendingPayment
	accountBefore, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return cancelled{}, err
	}
	credit := refundCents // paid: what is refunded
	if b.PaymentStatus != model.PaymentPaid {
		credit = b.GrossCents // unpaid: what is no longer owed; only the booker pays a fee
		if req.byBooker {
			credit -= s.QuoteCancellation(b).FeeCents
		}
	}
	if err := s.releaseSeats(ctx, tx, &b, model.BookingCancelled); err != nil {
		return cancelled{}, err
	}
	if err := s.CreditCancellation(ctx, tx, b.ID, credit, "", s.now().UTC()); err != nil {
		return cancelled{}, err
	}
	if !req.quiet {
		if err := Notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventBookingCancelled, BookingID: b.ID}); err != nil {
			return cancelled{}, err
		}
	}
	if wasPending {
		if err := enqueueExpireSession(ctx, tx, &b); err != nil {
			return cancelled{}, err
		}
	}
	refunded, err := s.SettleDocumentsChangeInTx(ctx, tx, &b, accountBefore, "cancel")
	if err != nil {
		return cancelled{}, err
	}
	return cancelled{before: before, after: b, refundCents: refunded}, nil
}

// SettleDocumentsChangeInTx sends back what a change of a booking's issued documents made
// refundable — what the ledger holds beyond what the documents still ask for, compared with the
// account before the change: by card through Stripe (an outbox item, idempotent by why), by bank
// transfer flagged for the trainer. A cancellation calls it after its credit note; a correction
// (credit note and new invoice) should too. What is owed instead stays an open item
// (model.AccountOf's AmountDue). It saves b's payment fields and returns what is refunded.
func (s *Service) SettleDocumentsChangeInTx(ctx context.Context, tx *store.Tx, b *model.Booking, before model.Account, why string) (int64, error) {
	after, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return 0, err
	}
	if err := s.settleOverpayment(ctx, tx, b, before, after, why); err != nil {
		return 0, err
	}
	return max(after.AmountRefundable-before.AmountRefundable, 0), tx.SaveBookingPayment(ctx, b)
}
