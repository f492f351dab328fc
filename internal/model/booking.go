package model

import (
	"fmt"
	"strings"
	"time"
)

// BookingStatus is where a booking stands; the values are stored in bookings.status.
type BookingStatus string

// Booking statuses. A booking moves forward only (see CanTransition).
const (
	BookingPendingPayment BookingStatus = "pending_payment" // seats held, waiting for Stripe
	BookingConfirmed      BookingStatus = "confirmed"       // seats sold
	BookingCancelled      BookingStatus = "cancelled"       // seats given back by the booker or the trainer
	BookingExpired        BookingStatus = "expired"         // the hold ran out unpaid
)

// Payment methods.
const (
	PaymentInvoice = "invoice"
	PaymentCard    = "card" // card or SEPA through Stripe Checkout
)

// PaymentStatus is how far a booking is paid, separate from its BookingStatus: an invoice
// booking is confirmed but unpaid. The values are stored in bookings.payment_status.
type PaymentStatus string

// Payment statuses.
const (
	PaymentUnpaid   PaymentStatus = "unpaid"
	PaymentPaid     PaymentStatus = "paid"
	PaymentRefunded PaymentStatus = "refunded"
	// PaymentPartiallyRefunded: part of the money went back (a cancellation that kept a fee).
	PaymentPartiallyRefunded PaymentStatus = "partially_refunded"
)

// RefundStatus is the payment status after totalRefundedCents of grossCents went back.
func RefundStatus(totalRefundedCents, grossCents int64) PaymentStatus {
	if totalRefundedCents < grossCents {
		return PaymentPartiallyRefunded
	}
	return PaymentRefunded
}

var bookingTransitions = map[BookingStatus][]BookingStatus{
	BookingPendingPayment: {BookingConfirmed, BookingCancelled, BookingExpired},
	BookingConfirmed:      {BookingCancelled},
	// A payment can arrive after its hold expired; if seats are still free the booking is confirmed.
	BookingExpired:   {BookingConfirmed},
	BookingCancelled: {},
}

// CanTransition tells whether a booking may move from one status to another.
func CanTransition(from, to BookingStatus) bool {
	for _, allowed := range bookingTransitions[from] {
		if allowed == to {
			return true
		}
	}
	return false
}

// HoldsSeats tells whether bookings in a status count against a date's capacity.
func HoldsSeats(status BookingStatus) bool {
	return status == BookingPendingPayment || status == BookingConfirmed
}

// Billing is who pays: the company and its contact.
type Billing struct {
	Company    string `gorm:"size:200;not null"`
	Name       string `gorm:"size:200;not null"`
	Email      string `gorm:"size:254;not null"`
	Street     string `gorm:"size:200;not null"`
	PostalCode string `gorm:"size:20;not null"`
	City       string `gorm:"size:100;not null"`
	Country    string `gorm:"size:2;not null"`
	VATID      string `gorm:"size:30"`
	PONumber   string `gorm:"size:100"`
	// BuyerReference is the buyer's Leitweg-ID or order reference for e-invoices (EN 16931 BT-10).
	BuyerReference string `gorm:"size:100"`
}

// Booking is a company's order of seats on one date for one or more attendees.
type Booking struct {
	ID        uint   `gorm:"primaryKey"`
	Reference string `gorm:"size:20;uniqueIndex;not null"`
	// ManageTokenHash is the SHA-256 of the random secret in the manage link of a booking made
	// before links were derived (ManageRotation 0); the secret itself is never stored. It is
	// empty once the link is derived.
	ManageTokenHash string `gorm:"size:64;not null"`
	// ManageRotation is the rotation counter of the derived manage link (HMAC of the server
	// secret, the booking id and this counter, see internal/secret): 0 for a booking whose link is
	// still the old random one (ManageTokenHash); re-sending the confirmation adds one, which
	// kills the link sent before.
	ManageRotation int64 `gorm:"not null;default:0"`
	// DateID is found by idx_bookings_date_seats (date_id, status, seats).
	DateID        uint          `gorm:"not null"`
	Date          *SeminarDate  `gorm:"foreignKey:DateID"`
	Status        BookingStatus `gorm:"size:20;not null"`
	PaymentMethod string        `gorm:"size:20;not null"`
	PaymentStatus PaymentStatus `gorm:"size:20;not null"`
	Billing       Billing       `gorm:"embedded;embeddedPrefix:billing_"`
	Language      string        `gorm:"size:5;not null"`
	Seats         int           `gorm:"not null"`
	UnitNetCents  int64         `gorm:"not null"`
	// DiscountCents is the voucher's discount, on the net total after the group discount.
	DiscountCents int64 `gorm:"not null;default:0"`
	// FlatPrice says UnitNetCents is the price of the whole booking (an in-house date's flat
	// price), not of each seat.
	FlatPrice bool `gorm:"not null;default:false"`
	// GroupFromSeat and GroupPercentBP are the group rule the booking was made under (frozen, so
	// a later change of attendees recomputes GroupDiscountCents by the same rule).
	GroupFromSeat      int   `gorm:"not null;default:0"`
	GroupPercentBP     int   `gorm:"not null;default:0"`
	GroupDiscountCents int64 `gorm:"not null;default:0"`
	// CancellationFeesNetCents are the net fees kept for attendees cancelled from the booking one
	// at a time; the booking's price and invoice include them (ChargedNetCents).
	CancellationFeesNetCents int64 `gorm:"not null;default:0"`
	NetCents                 int64 `gorm:"not null"`
	VATCents                 int64 `gorm:"not null"`
	GrossCents               int64 `gorm:"not null"`
	// VATRateBP is the rate of TaxTreatment: vat_rate_bp for standard, 0 for the others.
	VATRateBP int `gorm:"not null"`
	// TaxTreatment is decided once when the booking is made (model.DecideTax) and priced with
	// Tax(); its documents carry it.
	TaxTreatment  TaxTreatment `gorm:"size:20;not null;default:standard"`
	VoucherCode   string       `gorm:"size:50"`
	HoldExpiresAt *time.Time   `gorm:"index:idx_bookings_hold_expires_at,where:hold_expires_at IS NOT NULL"`
	ConfirmedAt   *time.Time
	CancelledAt   *time.Time
	Stripe        StripeRef `gorm:"embedded;embeddedPrefix:stripe_"`
	// NeedsAttention is the condition of the partial index idx_bookings_attention (updated_at, id).
	NeedsAttention  bool   `gorm:"not null;default:false"`
	AttentionReason string `gorm:"size:100"`
	// AttentionDetail says what exactly is wrong, in the words of the check that found it (a
	// payment that does not match: "amount 1 ≠ 59500 due"); the reason code alone is translated.
	AttentionDetail string `gorm:"size:300"`
	// RefundDueCents is money the trainer still has to send back by hand (a cancelled booking
	// paid by bank transfer, AttentionRefundManual); Stripe refunds are in Stripe.RefundedCents.
	RefundDueCents int64 `gorm:"not null;default:0"`
	// TermsVersion names the terms of participation the booker accepted (legal.Library's
	// TermsVersion); empty on bookings made before versions were kept.
	TermsVersion string `gorm:"size:40;not null;default:''"`
	// LegalHold keeps the booking's invoices and credit notes past the retention period (a
	// dispute, a tax audit): the retention job does not purge them while it is set.
	LegalHold bool `gorm:"not null;default:false"`
	CreatedAt time.Time
	UpdatedAt time.Time
	Attendees []Attendee `gorm:"foreignKey:BookingID"`
}

// Tax is the booking's tax treatment and rate, which price it and its documents.
func (b Booking) Tax() Tax { return Tax{Treatment: b.TaxTreatment, RateBP: b.VATRateBP} }

// Transition moves the booking to a new status or says why it cannot.
func (b *Booking) Transition(to BookingStatus, now time.Time) error {
	if !CanTransition(b.Status, to) {
		return fmt.Errorf("booking %s: %s → %s: %w", b.Reference, b.Status, to, ErrInvalidTransition)
	}
	b.Status = to
	switch to {
	case BookingConfirmed:
		b.ConfirmedAt = &now
		b.HoldExpiresAt = nil
	case BookingCancelled:
		b.CancelledAt = &now
	}
	return nil
}

// Attendee is one person who will attend, booked by a company.
type Attendee struct {
	ID        uint   `gorm:"primaryKey"`
	BookingID uint   `gorm:"not null;index"`
	FirstName string `gorm:"size:100;not null"`
	LastName  string `gorm:"size:100;not null"`
	Email     string `gorm:"size:254;not null"`
	// CheckedInAt is the attendee's first check-in on any day of the date (CheckIn has one
	// row per day); nil until then, and again once every check-in was undone.
	CheckedInAt *time.Time
	// SecretRotation is the rotation counter of the attendee's page link and check-in code
	// (package secret): bumped when the seat goes to someone else, so the old holder's link
	// and QR code stop working.
	SecretRotation int64 `gorm:"not null;default:0"`
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// FullName is first and last name joined.
func (a Attendee) FullName() string { return a.FirstName + " " + a.LastName }

// DemoReferencePrefix starts the references of the demo's example bookings (DEMO-2026-00001),
// a series of their own; real references never start with it.
const DemoReferencePrefix = "DEMO-"

// IsDemo tells whether b is one of the demo's example bookings.
func (b Booking) IsDemo() bool { return strings.HasPrefix(b.Reference, DemoReferencePrefix) }
