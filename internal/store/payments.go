package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// RecordStripeEvent stores a Stripe event id and reports whether it is new. Call it inside the
// transaction that acts on the event: a duplicate (even one delivered concurrently, which waits
// for the first transaction on the unique key) reports false and must change nothing.
func (tx *Tx) RecordStripeEvent(ctx context.Context, id, typ string) (fresh bool, err error) {
	res := tx.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, DoNothing: true}).
		Create(&model.StripeEvent{ID: id, Type: typ, CreatedAt: tx.stamp()})
	return res.RowsAffected == 1, res.Error
}

// LockBooking reads a booking (with attendees, date and seminar) and, on PostgreSQL, locks its
// row until the transaction ends, so two events for one booking apply one after the other.
// SQLite needs no lock: its write transactions already run one at a time.
func (tx *Tx) LockBooking(ctx context.Context, reference string) (model.Booking, error) {
	var id uint
	err := tx.db.WithContext(ctx).Model(&model.Booking{}).Clauses(clause.Locking{Strength: "UPDATE"}).
		Select("id").Where("reference = ?", reference).Scan(&id).Error
	if err != nil {
		return model.Booking{}, err
	}
	if id == 0 {
		return model.Booking{}, fmt.Errorf("booking %s: %w", reference, model.ErrNotFound)
	}
	return tx.BookingByReference(ctx, reference)
}

// hasPaymentIntent is the condition of the partial index idx_bookings_payment_intent; a query
// by payment intent states it so the planners may use the index (and an empty intent matches
// no booking, rather than any booking that never had one).
const hasPaymentIntent = "stripe_payment_intent <> ''"

// BookingReferenceByPaymentIntent finds which booking a Stripe payment intent paid for.
func (q Reads) BookingReferenceByPaymentIntent(ctx context.Context, paymentIntent string) (string, error) {
	var refs []string
	err := q.db.WithContext(ctx).Model(&model.Booking{}).Where("stripe_payment_intent = ? AND "+hasPaymentIntent, paymentIntent).
		Limit(1).Pluck("reference", &refs).Error
	if err != nil {
		return "", err
	}
	if len(refs) == 0 {
		return "", fmt.Errorf("payment intent %s: %w", paymentIntent, model.ErrNotFound)
	}
	return refs[0], nil
}

// SaveBookingPayment writes a booking's status and payment fields after a payment event.
func (tx *Tx) SaveBookingPayment(ctx context.Context, b *model.Booking) error {
	return tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ?", b.ID).
		Updates(map[string]any{
			"status": b.Status, "payment_status": b.PaymentStatus, "hold_expires_at": b.HoldExpiresAt,
			"confirmed_at": b.ConfirmedAt, "cancelled_at": b.CancelledAt,
			"stripe_session_id": b.Stripe.SessionID, "stripe_checkout_url": b.Stripe.CheckoutURL, "stripe_payment_intent": b.Stripe.PaymentIntent,
			"stripe_async_pending": b.Stripe.AsyncPending, "stripe_refunded_cents": b.Stripe.RefundedCents,
			"needs_attention": b.NeedsAttention, "attention_reason": b.AttentionReason, "attention_detail": b.AttentionDetail, "refund_due_cents": b.RefundDueCents,
			"updated_at": tx.stamp(),
		}).Error
}

// ExpiredHoldReferences lists unpaid holds whose time ran out at now, oldest first, leaving out
// those whose payment is on its way (SEPA).
func (q Reads) ExpiredHoldReferences(ctx context.Context, now time.Time, limit int) ([]string, error) {
	var refs []string
	err := q.db.WithContext(ctx).Model(&model.Booking{}).
		Where("status = ? AND hold_expires_at <= ? AND stripe_async_pending = ?", model.BookingPendingPayment, now, false).
		Order("hold_expires_at, id").Limit(limit).Pluck("reference", &refs).Error
	return refs, err
}

// OutboxItemByKey returns the outbox item with a key.
func (q Reads) OutboxItemByKey(ctx context.Context, key string) (model.OutboxItem, error) {
	var item model.OutboxItem
	err := q.db.WithContext(ctx).Where(&model.OutboxItem{Key: key}).First(&item).Error
	return item, notFound(err, "outbox item "+key)
}
