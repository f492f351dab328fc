package store

import (
	"context"
	"errors"
	"time"

	"seminars/internal/model"
)

// insertColumn is one column of a fixed INSERT and where its value comes from in the model.
type insertColumn[T any] struct {
	name  string
	value func(*T) any
}

func columnNames[T any](cols []insertColumn[T]) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

// bookingColumns are the columns a new booking writes: every column of model.Booking but its id,
// which the database assigns (TestFixedColumnsMatchTheModel holds the list to the model and to
// both schemas). Named types go in as their base type, as the drivers store them.
var bookingColumns = []insertColumn[model.Booking]{
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
var attendeeColumns = []insertColumn[model.Attendee]{
	{"booking_id", func(a *model.Attendee) any { return a.BookingID }},
	{"first_name", func(a *model.Attendee) any { return a.FirstName }},
	{"last_name", func(a *model.Attendee) any { return a.LastName }},
	{"email", func(a *model.Attendee) any { return a.Email }},
	{"checked_in_at", func(a *model.Attendee) any { return a.CheckedInAt }},
	{"secret_rotation", func(a *model.Attendee) any { return a.SecretRotation }},
	{"created_at", func(a *model.Attendee) any { return a.CreatedAt }},
	{"updated_at", func(a *model.Attendee) any { return a.UpdatedAt }},
}

// fixedInserts are the INSERT texts of one dialect, built once.
type fixedInserts struct {
	booking   string
	attendees []string // by number of rows; attendees[0] is unused
}

// preparedAttendeeRows is up to how many attendees of one booking the text is built in advance;
// larger bookings build theirs on the spot (the same text for the same count, so it is still
// prepared once per connection).
const preparedAttendeeRows = 16

func newFixedInserts(postgres bool) fixedInserts {
	f := fixedInserts{
		booking:   insertSQL(postgres, "bookings", columnNames(bookingColumns), 1),
		attendees: make([]string, preparedAttendeeRows+1),
	}
	names := columnNames(attendeeColumns)
	for n := 1; n <= preparedAttendeeRows; n++ {
		f.attendees[n] = insertSQL(postgres, "attendees", names, n)
	}
	return f
}

var (
	sqliteInserts   = newFixedInserts(false)
	postgresInserts = newFixedInserts(true)
)

func (q Reads) inserts() *fixedInserts {
	if q.postgres() {
		return &postgresInserts
	}
	return &sqliteInserts
}

func (f *fixedInserts) attendeesSQL(postgres bool, n int) string {
	if n < len(f.attendees) {
		return f.attendees[n]
	}
	return insertSQL(postgres, "attendees", columnNames(attendeeColumns), n)
}

// errPresetID refuses a new booking or attendee that already carries an id: ids are the
// database's to assign, and no caller sets one.
var errPresetID = errors.New("store: a new booking or attendee must not carry an id")

// CreateBooking inserts a booking with its attendees, in two fixed statements, and fills in what
// GORM's Create would have: the ids (the attendees' in the order given), created_at and
// updated_at where zero (from the store's clock), and the columns' defaults where a field is
// zero (tax_treatment 'standard'; every other default is its field's zero value).
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
	ins := tx.inserts()
	args := make([]any, len(bookingColumns))
	for i, c := range bookingColumns {
		args[i] = c.value(b)
	}
	if err := tx.insertReturningIDs(ctx, "bookings", ins.booking, args, []*uint{&b.ID}); err != nil {
		return err
	}
	if len(b.Attendees) == 0 {
		return nil
	}
	args = make([]any, 0, len(b.Attendees)*len(attendeeColumns))
	ids := make([]*uint, len(b.Attendees))
	for i := range b.Attendees {
		a := &b.Attendees[i]
		a.BookingID = b.ID
		stampCreated(&a.CreatedAt, &a.UpdatedAt, now)
		for _, c := range attendeeColumns {
			args = append(args, c.value(a))
		}
		ids[i] = &a.ID
	}
	return tx.insertReturningIDs(ctx, "attendees", ins.attendeesSQL(tx.postgres(), len(b.Attendees)), args, ids)
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
