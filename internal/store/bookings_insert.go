package store

import (
	"context"
	"errors"
	"time"

	"seminars/internal/model"
)

// bookingColumns are the columns a new booking writes: every column of model.Booking but its id,
// which the database assigns (TestFixedInsertColumns holds the list to the model and to both
// schemas). Named types go in as their base type, as the drivers store them.
var bookingInsert = newFixedInsert("bookings", "id", true, "", bookingColumns)

var bookingColumns = []column[model.Booking]{
	{"reference", func(b *model.Booking) any { return b.Reference }},
	{"manage_token_hash", func(b *model.Booking) any { return b.ManageTokenHash }},
	{"manage_rotation", func(b *model.Booking) any { return b.ManageRotation }},
	{"date_id", func(b *model.Booking) any { return b.DateID }},
	{"status", func(b *model.Booking) any { return string(b.Status) }},
	{"payment_method", func(b *model.Booking) any { return b.PaymentMethod }},
	{"payment_status", func(b *model.Booking) any { return string(b.PaymentStatus) }},
	{"billing_company", func(b *model.Booking) any { return b.Billing.Company }},
	{"billing_name", func(b *model.Booking) any { return b.Billing.Name }},
	{"billing_email", func(b *model.Booking) any { return b.Billing.Email }},
	{"billing_street", func(b *model.Booking) any { return b.Billing.Street }},
	{"billing_postal_code", func(b *model.Booking) any { return b.Billing.PostalCode }},
	{"billing_city", func(b *model.Booking) any { return b.Billing.City }},
	{"billing_country", func(b *model.Booking) any { return b.Billing.Country }},
	{"billing_vat_id", func(b *model.Booking) any { return b.Billing.VATID }},
	{"billing_po_number", func(b *model.Booking) any { return b.Billing.PONumber }},
	{"billing_buyer_reference", func(b *model.Booking) any { return b.Billing.BuyerReference }},
	{"language", func(b *model.Booking) any { return b.Language }},
	{"seats", func(b *model.Booking) any { return b.Seats }},
	{"unit_net_cents", func(b *model.Booking) any { return b.UnitNetCents }},
	{"discount_cents", func(b *model.Booking) any { return b.DiscountCents }},
	{"flat_price", func(b *model.Booking) any { return b.FlatPrice }},
	{"group_from_seat", func(b *model.Booking) any { return b.GroupFromSeat }},
	{"group_percent_bp", func(b *model.Booking) any { return b.GroupPercentBP }},
	{"group_discount_cents", func(b *model.Booking) any { return b.GroupDiscountCents }},
	{"cancellation_fees_net_cents", func(b *model.Booking) any { return b.CancellationFeesNetCents }},
	{"net_cents", func(b *model.Booking) any { return b.NetCents }},
	{"vat_cents", func(b *model.Booking) any { return b.VATCents }},
	{"gross_cents", func(b *model.Booking) any { return b.GrossCents }},
	{"vat_rate_bp", func(b *model.Booking) any { return b.VATRateBP }},
	{"tax_treatment", func(b *model.Booking) any { return string(b.TaxTreatment) }},
	{"voucher_code", func(b *model.Booking) any { return b.VoucherCode }},
	{"hold_expires_at", func(b *model.Booking) any { return b.HoldExpiresAt }},
	{"confirmed_at", func(b *model.Booking) any { return b.ConfirmedAt }},
	{"cancelled_at", func(b *model.Booking) any { return b.CancelledAt }},
	{"stripe_session_id", func(b *model.Booking) any { return b.Stripe.SessionID }},
	{"stripe_checkout_url", func(b *model.Booking) any { return b.Stripe.CheckoutURL }},
	{"stripe_payment_intent", func(b *model.Booking) any { return b.Stripe.PaymentIntent }},
	{"stripe_async_pending", func(b *model.Booking) any { return b.Stripe.AsyncPending }},
	{"stripe_refunded_cents", func(b *model.Booking) any { return b.Stripe.RefundedCents }},
	{"needs_attention", func(b *model.Booking) any { return b.NeedsAttention }},
	{"attention_reason", func(b *model.Booking) any { return b.AttentionReason }},
	{"attention_detail", func(b *model.Booking) any { return b.AttentionDetail }},
	{"refund_due_cents", func(b *model.Booking) any { return b.RefundDueCents }},
	{"terms_version", func(b *model.Booking) any { return b.TermsVersion }},
	{"legal_hold", func(b *model.Booking) any { return b.LegalHold }},
	{"created_at", func(b *model.Booking) any { return b.CreatedAt }},
	{"updated_at", func(b *model.Booking) any { return b.UpdatedAt }},
}

// attendeeColumns are the columns a new attendee writes (all but its id, as bookingColumns).
var attendeeInsert = newFixedInsert("attendees", "id", true, "", attendeeColumns)

var attendeeColumns = []column[model.Attendee]{
	{"booking_id", func(a *model.Attendee) any { return a.BookingID }},
	{"first_name", func(a *model.Attendee) any { return a.FirstName }},
	{"last_name", func(a *model.Attendee) any { return a.LastName }},
	{"email", func(a *model.Attendee) any { return a.Email }},
	{"checked_in_at", func(a *model.Attendee) any { return a.CheckedInAt }},
	{"secret_rotation", func(a *model.Attendee) any { return a.SecretRotation }},
	{"created_at", func(a *model.Attendee) any { return a.CreatedAt }},
	{"updated_at", func(a *model.Attendee) any { return a.UpdatedAt }},
}

// errPresetID refuses a new booking or attendee that already carries an id: ids are the
// database's to assign, and no caller sets one.
var errPresetID = errors.New("store: a new booking or attendee must not carry an id")

// CreateBooking inserts a booking with its attendees in fixed statements (fixed_insert.go): GORM
// building both by reflection and scanning RETURNING through its schema was a third of the
// writer's time per booking. It fills in what GORM's Create did: the ids (the attendees' in the
// order given), created_at and updated_at where zero (from the store's clock), and the columns'
// defaults where a field is zero (tax_treatment 'standard'; every other default is its field's
// zero value).
func (tx *Tx) CreateBooking(ctx context.Context, b *model.Booking) error {
	if b.ID != 0 {
		return errPresetID
	}
	for _, a := range b.Attendees {
		if a.ID != 0 {
			return errPresetID
		}
	}
	now := tx.stamp()
	if b.TaxTreatment == "" {
		b.TaxTreatment = model.TaxStandard
	}
	stampCreated(&b.CreatedAt, &b.UpdatedAt, now)
	id, err := bookingInsert.insertReturning(ctx, tx, b)
	if err != nil {
		return err
	}
	b.ID = uint(id)
	if len(b.Attendees) == 0 {
		return nil
	}
	ids := make([]*uint, len(b.Attendees))
	for i := range b.Attendees {
		a := &b.Attendees[i]
		a.BookingID = b.ID
		stampCreated(&a.CreatedAt, &a.UpdatedAt, now)
		ids[i] = &a.ID
	}
	return attendeeInsert.insertReturningIDs(ctx, tx, b.Attendees, ids)
}

// stampCreated sets a new row's created_at and updated_at where they are zero, as GORM's Create
// does.
func stampCreated(created, updated *time.Time, now time.Time) {
	if created.IsZero() {
		*created = now
	}
	if updated.IsZero() {
		*updated = now
	}
}
