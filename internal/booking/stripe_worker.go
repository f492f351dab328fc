package booking

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
)

// StripeWorker carries out the Stripe calls that use cases put in the outbox (topics "stripe."):
// refunds and session expiries, after their transaction committed, retried with backoff.
type StripeWorker struct {
	bookings *Service
}

// NewStripeWorker returns a worker for the service's outbox items. The service must have
// payments (UsePayments).
func NewStripeWorker(s *Service) *StripeWorker { return &StripeWorker{bookings: s} }

// RunOnce performs the items due at now and returns how many succeeded.
func (w *StripeWorker) RunOnce(ctx context.Context, now time.Time) (int, error) {
	s := w.bookings
	if s.payments == nil {
		return 0, nil
	}
	items, err := s.store.DueOutboxItems(ctx, "stripe.", now.UTC(), 50)
	if err != nil {
		return 0, err
	}
	done := 0
	var errs []error
	for _, item := range items {
		err := w.perform(ctx, item, now.UTC())
		if err == nil {
			done++
			continue
		}
		s.log.WarnContext(ctx, "stripe outbox item failed", "topic", item.Topic, "key", item.Key, "attempt", item.Attempts+1, "error", err)
		if mErr := s.store.WithTx(ctx, func(tx *store.Tx) error { return w.retryLater(ctx, tx, item, err, now.UTC()) }); mErr != nil {
			errs = append(errs, mErr)
		}
	}
	return done, errors.Join(errs...)
}

// Run works the outbox every interval until ctx ends.
func (w *StripeWorker) Run(ctx context.Context, interval time.Duration) {
	runEvery(ctx, interval, func() {
		if _, err := w.RunOnce(ctx, w.bookings.now()); err != nil && ctx.Err() == nil {
			w.bookings.log.ErrorContext(ctx, "stripe worker", "error", err)
		}
	})
}

// retryLater records a failed attempt; a refund that fails for good flags its booking, so the
// trainer sees money that still has to go back.
func (w *StripeWorker) retryLater(ctx context.Context, tx *store.Tx, item model.OutboxItem, cause error, now time.Time) error {
	if err := tx.MarkOutboxRetry(ctx, item, cause, now); err != nil {
		return err
	}
	if item.Topic != model.TopicStripeRefund || item.Attempts+1 < model.MaxOutboxAttempts {
		return nil
	}
	var p model.StripeRefundPayload
	if err := json.Unmarshal([]byte(item.Payload), &p); err != nil {
		return err
	}
	b, err := tx.LockBooking(ctx, p.Reference)
	if err != nil {
		return err
	}
	b.NeedsAttention, b.AttentionReason = true, model.AttentionRefundFailed
	return tx.SaveBookingPayment(ctx, &b)
}

func (w *StripeWorker) perform(ctx context.Context, item model.OutboxItem, now time.Time) error {
	s := w.bookings
	switch item.Topic {
	case model.TopicStripeRefund:
		var p model.StripeRefundPayload
		if err := json.Unmarshal([]byte(item.Payload), &p); err != nil {
			return err
		}
		if _, err := s.payments.Refund(ctx, payment.RefundInput{
			PaymentIntent: p.PaymentIntent, AmountCents: p.AmountCents, IdempotencyKey: p.IdempotencyKey, Reference: p.Reference,
		}); err != nil {
			return err
		}
		return s.store.WithTx(ctx, func(tx *store.Tx) error {
			b, err := tx.LockBooking(ctx, p.Reference)
			if err != nil {
				return err
			}
			if err := s.recordRefund(ctx, tx, &b, p.AmountCents); err != nil {
				return err
			}
			return tx.MarkOutboxDone(ctx, item.ID, now)
		})
	case model.TopicStripeExpireSession:
		var p model.StripeExpirePayload
		if err := json.Unmarshal([]byte(item.Payload), &p); err != nil {
			return err
		}
		if err := s.payments.ExpireSession(ctx, p.SessionID); err != nil {
			return err
		}
		return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.MarkOutboxDone(ctx, item.ID, now) })
	}
	return fmt.Errorf("stripe worker: unknown topic %q", item.Topic)
}
