package model

import "time"

// StripeRef links a card booking to Stripe. It is embedded in Booking with the column prefix
// stripe_ (stripe_session_id, stripe_payment_intent, …).
type StripeRef struct {
	SessionID string `gorm:"size:100;index"`
	// CheckoutURL lets the booker return to an open session from the manage page or a mail.
	CheckoutURL   string `gorm:"size:2000"`
	PaymentIntent string `gorm:"size:100;index"`
	// AsyncPending is set when Checkout completed but the money is still on its way (SEPA Direct
	// Debit): the hold must outlive its expiry until Stripe says succeeded or failed.
	AsyncPending  bool  `gorm:"not null;default:false"`
	RefundedCents int64 `gorm:"not null;default:0"`
}

// StripeEvent records a Stripe event that was acted on. Its id is the primary key, written in the
// same transaction as the change the event caused, so a duplicate delivery changes nothing.
type StripeEvent struct {
	ID        string `gorm:"primaryKey;size:100"`
	Type      string `gorm:"size:100;not null"`
	CreatedAt time.Time
}

// Outbox topics for Stripe calls made after commit.
const (
	TopicStripeRefund        = "stripe.refund"
	TopicStripeExpireSession = "stripe.expire_session"
)

// StripeRefundPayload is the payload of a stripe.refund outbox item.
type StripeRefundPayload struct {
	BookingID      uint   `json:"booking_id"`
	Reference      string `json:"reference"`
	PaymentIntent  string `json:"payment_intent"`
	AmountCents    int64  `json:"amount_cents"`
	IdempotencyKey string `json:"idempotency_key"`
}

// StripeExpirePayload is the payload of a stripe.expire_session outbox item.
type StripeExpirePayload struct {
	SessionID string `json:"session_id"`
	Reference string `json:"reference"`
}

// Reasons a booking needs the trainer's attention.
const (
	AttentionLatePaymentNoSeats = "late_payment_no_seats" // paid after the hold ran out; seats gone; refunded
	AttentionRefundFailed       = "refund_failed"         // Stripe reported a refund as failed
	// AttentionRefundManual: a booking paid by bank transfer was cancelled; RefundDueCents must
	// be transferred back by hand (the credit note states the amount).
	AttentionRefundManual = "refund_manual"
)

// CancellationPolicy says what cancelling costs: free until FreeDays before the start, then
// FeePercent of the gross amount.
type CancellationPolicy struct {
	FreeDays   int
	FeePercent int
}

// Fee is what a booker pays for cancelling a booking of grossCents at time now for a date that
// starts at start. The fee is rounded down to whole cents, in the booker's favour.
func (p CancellationPolicy) Fee(grossCents int64, start, now time.Time) int64 {
	if now.Before(start.Add(-time.Duration(p.FreeDays) * 24 * time.Hour)) {
		return 0
	}
	return grossCents * int64(p.FeePercent) / 100
}
