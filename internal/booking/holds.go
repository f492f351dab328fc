package booking

import (
	"context"
	"errors"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Sweeper releases unpaid holds whose time ran out, so seats come back even when Stripe's
// "expired" event is lost. Holds with a SEPA payment on its way are left alone.
type Sweeper struct {
	bookings *Service
}

// NewSweeper returns a sweeper for the service's bookings.
func NewSweeper(s *Service) *Sweeper { return &Sweeper{bookings: s} }

// RunOnce releases every hold that expired at now and returns how many it released.
func (w *Sweeper) RunOnce(ctx context.Context, now time.Time) (int, error) {
	s := w.bookings
	refs, err := s.store.ExpiredHoldReferences(ctx, now.UTC(), 200)
	if err != nil {
		return 0, err
	}
	released := 0
	var errs []error
	for _, ref := range refs {
		done, err := s.releaseExpired(ctx, ref, now.UTC())
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if done {
			released++
		}
	}
	if released > 0 {
		s.log.InfoContext(ctx, "released expired holds", "count", released)
	}
	return released, errors.Join(errs...)
}

// releaseExpired re-checks one hold under lock (a payment may have arrived since it was listed),
// releases it and asks the Stripe worker to expire its Checkout Session.
func (s *Service) releaseExpired(ctx context.Context, reference string, now time.Time) (bool, error) {
	released := false
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		if b.Status != model.BookingPendingPayment || b.PaymentStatus != model.PaymentUnpaid ||
			b.Stripe.AsyncPending || b.HoldExpiresAt == nil || b.HoldExpiresAt.After(now) {
			return nil
		}
		if err := s.expireHold(ctx, tx, &b); err != nil {
			return err
		}
		released = true
		return enqueueExpireSession(ctx, tx, &b)
	})
	return released, err
}

// enqueueExpireSession asks the Stripe worker to close a released booking's Checkout Session, so
// nobody pays for seats that are gone.
func enqueueExpireSession(ctx context.Context, tx *store.Tx, b *model.Booking) error {
	if b.Stripe.SessionID == "" {
		return nil
	}
	return store.EnqueueJSON(ctx, tx, model.TopicStripeExpireSession, model.TopicStripeExpireSession.Key(b.Stripe.SessionID),
		model.StripeExpirePayload{SessionID: b.Stripe.SessionID, Reference: b.Reference})
}
