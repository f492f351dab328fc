package booking

import (
	"context"
	"errors"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// StripeWorker carries out the Stripe calls that use cases put in the outbox (topics "stripe."):
// refunds and session expiries, after their transaction committed, retried with backoff by the
// worker.Runner (a Stripe outage is transient: retried, never parked).
type StripeWorker struct {
	bookings *Service
	jobs     *worker.Runner
}

// NewStripeWorker returns a worker for the service's outbox items, run by jobs. The service
// must have payments (UsePayments).
func NewStripeWorker(s *Service, jobs *worker.Runner) *StripeWorker {
	return &StripeWorker{bookings: s, jobs: jobs}
}

// stripeBatch bounds how many Stripe calls one round makes.
const stripeBatch = 50

// Queue is the worker's outbox queue, for worker.Runner.QueueJob.
func (w *StripeWorker) Queue() worker.Queue {
	return worker.Queue{Topic: model.TopicsStripe, Batch: stripeBatch, Handle: w.perform, Failed: w.flagRefund}
}

// RunOnce performs the items due at now and returns how many it took.
func (w *StripeWorker) RunOnce(ctx context.Context, now time.Time) (int, error) {
	if w.bookings.payments == nil {
		return 0, nil
	}
	return w.jobs.Drain(ctx, w.Queue(), now)
}

// flagRefund flags the booking of a refund that failed worker_max_attempts times, or was
// parked, so the trainer sees money that still has to go back. A refund that failed for a
// passing reason goes on being tried.
func (w *StripeWorker) flagRefund(ctx context.Context, tx *store.Tx, f worker.Failure) error {
	if f.Item.Topic != model.TopicStripeRefund || (!f.LimitReached && !f.Parked) {
		return nil
	}
	var p model.StripeRefundPayload
	if err := worker.Decode(f.Item, &p); err != nil {
		return nil // nothing to flag: the payload names no booking
	}
	b, err := tx.LockBooking(ctx, p.Reference)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
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
		if err := worker.Decode(item, &p); err != nil {
			return err
		}
		if _, err := s.payments.Refund(ctx, payment.RefundInput{
			PaymentIntent: p.PaymentIntent, AmountCents: p.AmountCents, IdempotencyKey: p.IdempotencyKey, Reference: p.Reference,
		}); err != nil {
			return err
		}
		return s.store.WithTx(ctx, func(tx *store.Tx) error {
			b, err := tx.LockBooking(ctx, p.Reference)
			if errors.Is(err, model.ErrNotFound) {
				return worker.Permanent(err) // no booking to record the refund on, ever
			}
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
		if err := worker.Decode(item, &p); err != nil {
			return err
		}
		if err := s.payments.ExpireSession(ctx, p.SessionID); err != nil {
			return err
		}
		return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.MarkOutboxDone(ctx, item.ID, now) })
	}
	return worker.Permanent(fmt.Errorf("stripe worker: unknown topic %q", item.Topic))
}
