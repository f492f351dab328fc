package model

import "time"

// StripeRef links a card booking to Stripe. It is embedded in Booking with the column prefix
// stripe_ (stripe_session_id, stripe_payment_intent, …).
type StripeRef struct {
	SessionID string `gorm:"size:100"`
	// CheckoutURL lets the booker return to an open session from the manage page or a mail.
	CheckoutURL   string `gorm:"size:2000"`
	PaymentIntent string `gorm:"size:100;index:idx_bookings_payment_intent,where:stripe_payment_intent <> ''"`
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
	// AttentionPaymentMismatch: Stripe reported a payment that is not this booking's due payment
	// (another session, another currency or amount, an invoice booking); the booking was left
	// unpaid and AttentionDetail says what did not match.
	AttentionPaymentMismatch = "payment_mismatch"
	// AttentionVATIDUnverified: a reverse-charge booking whose VAT ID (AttentionDetail) no one
	// has verified yet (no VIES query is built); the trainer checks it and marks it verified.
	AttentionVATIDUnverified = "vat_id_unverified"
)

// CancellationPolicy says what cancelling a booking costs, whatever it was paid with. Periods are
// counted in calendar days in Location (the service's time zone, Europe/Berlin), from the day the
// booker cancels to the day the date starts: cancelling FreeDays or more days before is free; with
// fewer days left FeePercent of the gross amount is kept, and each step raises it further once
// fewer than its Within days are left. A booker who cancels at 23:30 on the last free day still
// cancels free, whatever the hour of the start or a DST change in between.
type CancellationPolicy struct {
	FreeDays   int
	FeePercent int
	// Steps are further fee steps, e.g. {Within: 14, Percent: 100}: 100 % once fewer than 14 days are left.
	Steps    []CancellationStep
	Location *time.Location // nil counts days in UTC
}

// CancellationStep is one fee step of a CancellationPolicy.
type CancellationStep struct {
	Within  int // applies when fewer than this many calendar days are left before the start's day
	Percent int
}

// DaysBefore is how many calendar days (in the policy's Location) lie between the day of now and
// the day of start: 0 on the day itself, 1 the day before.
func (p CancellationPolicy) DaysBefore(start, now time.Time) int {
	loc := p.location()
	return civilDay(start.In(loc)) - civilDay(now.In(loc))
}

// FreeUntil is the first moment cancelling for a date starting at start costs a fee: midnight
// (in Location) at the beginning of the first day with fewer than FreeDays days left.
func (p CancellationPolicy) FreeUntil(start time.Time) time.Time {
	s := start.In(p.location())
	return time.Date(s.Year(), s.Month(), s.Day()-p.FreeDays+1, 0, 0, 0, 0, s.Location())
}

// FeePercentAt is the share of the gross amount kept when cancelling at now.
func (p CancellationPolicy) FeePercentAt(start, now time.Time) int {
	return p.percentForDays(p.DaysBefore(start, now))
}

// Fee is what a booker pays for cancelling a booking of grossCents at time now for a date that
// starts at start. The fee is rounded down to whole cents, in the booker's favour.
func (p CancellationPolicy) Fee(grossCents int64, start, now time.Time) int64 {
	return grossCents * int64(p.FeePercentAt(start, now)) / 100
}

func (p CancellationPolicy) location() *time.Location {
	if p.Location == nil {
		return time.UTC
	}
	return p.Location
}

// civilDay numbers the calendar day of t in t's own location (days since 1 Jan 1970 there), so
// the difference of two is a count of calendar days whatever the hours and DST shifts between.
func civilDay(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}
