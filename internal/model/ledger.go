package model

import "time"

// LedgerMethod is how money for a booking moved; the values are stored in payments.method.
type LedgerMethod string

// Ledger methods. The back office records the first four by hand; Stripe payments and refunds
// are written by the webhook.
const (
	LedgerBankTransfer LedgerMethod = "bank_transfer"
	LedgerCash         LedgerMethod = "cash"
	LedgerCard         LedgerMethod = "card" // a card terminal at the venue, not Stripe
	LedgerOther        LedgerMethod = "other"
	LedgerStripe       LedgerMethod = "stripe"
)

// RecordableMethods are the methods staff may record a payment with.
var RecordableMethods = []LedgerMethod{LedgerBankTransfer, LedgerCash, LedgerCard, LedgerOther}

// Recordable tells whether staff may record a payment with m (Stripe's rows come from Stripe).
func (m LedgerMethod) Recordable() bool {
	for _, r := range RecordableMethods {
		if m == r {
			return true
		}
	}
	return false
}

// Payment is one row of the payments ledger: money received for a booking, or (negative) money
// paid back to the booker. Rows are only ever added; a mistake is corrected by another row.
type Payment struct {
	ID          uint         `gorm:"primaryKey"`
	BookingID   uint         `gorm:"not null;index"`
	AmountCents int64        `gorm:"not null"`
	Method      LedgerMethod `gorm:"size:20;not null"`
	// PaidOn is the day the money arrived (or went out), midnight UTC of that calendar day.
	PaidOn time.Time `gorm:"type:date;not null"`
	// RecordedBy is the staff e-mail, "api:<token>", or "stripe" for the webhook's rows.
	RecordedBy string `gorm:"size:254;not null"`
	Note       string `gorm:"size:300"`
	// StripeRef is the payment intent (or event) a Stripe row came from.
	StripeRef string `gorm:"size:100"`
	CreatedAt time.Time
}

// Payment statuses only the ledger can tell; the others are in booking.go.
const (
	// PaymentPartiallyPaid: some money arrived, less than is owed.
	PaymentPartiallyPaid PaymentStatus = "partially_paid"
	// PaymentOverpaid: more arrived than is owed (a cancellation credited part of a paid
	// invoice, or the booker paid twice); the difference is AmountRefundable.
	PaymentOverpaid PaymentStatus = "overpaid"
)

// Account is where a booking's money stands: what its issued documents say is owed and what the
// ledger says was received and paid back.
type Account struct {
	InvoicedCents int64 // the invoices' gross amounts
	CreditedCents int64 // the credit notes' gross amounts, as a positive sum
	OwedCents     int64 // invoiced − credited: what the booking costs in the end
	ReceivedCents int64 // the ledger's positive rows
	PaidBackCents int64 // the ledger's negative rows, as a positive sum
	// AmountDue is what the booker owes now; AmountRefundable what the seller owes the booker
	// now. At most one of them is above zero.
	AmountDue        int64
	AmountRefundable int64
	Status           PaymentStatus
}

// NetReceivedCents is what the seller holds of the booker's money: received − paid back.
func (a Account) NetReceivedCents() int64 { return a.ReceivedCents - a.PaidBackCents }

// Settled tells whether nobody owes anybody anything.
func (a Account) Settled() bool { return a.AmountDue == 0 && a.AmountRefundable == 0 }

// AccountOf works out a booking's account from its issued documents (invoices and credit notes,
// corrections included, in any order) and its ledger rows. A credit note's gross amount is
// negative, so what is owed is simply the sum of the documents' gross amounts.
func AccountOf(docs []Invoice, ledger []Payment) Account {
	var a Account
	for _, d := range docs {
		switch d.Kind {
		case InvoiceKindInvoice:
			a.InvoicedCents += d.GrossCents
		case InvoiceKindCreditNote:
			a.CreditedCents -= d.GrossCents
		}
	}
	for _, p := range ledger {
		if p.AmountCents >= 0 {
			a.ReceivedCents += p.AmountCents
		} else {
			a.PaidBackCents -= p.AmountCents
		}
	}
	a.OwedCents = max(a.InvoicedCents-a.CreditedCents, 0)
	net := a.NetReceivedCents()
	a.AmountDue = max(a.OwedCents-net, 0)
	a.AmountRefundable = max(net-a.OwedCents, 0)
	a.Status = a.status()
	return a
}

// status names the account in the stored payment-status vocabulary, keeping the values bookings
// had before the ledger (unpaid, paid, partially_refunded, refunded) where they fit.
func (a Account) status() PaymentStatus {
	net := a.NetReceivedCents()
	switch {
	case a.ReceivedCents == 0:
		return PaymentUnpaid
	case net <= 0:
		return PaymentRefunded
	case a.AmountRefundable > 0:
		return PaymentOverpaid
	case a.PaidBackCents > 0: // part went back (a fee kept, or a refund made in Stripe's dashboard)
		return PaymentPartiallyRefunded
	case a.AmountDue > 0:
		return PaymentPartiallyPaid
	}
	return PaymentPaid
}

// CalendarDay is the calendar day of t (in t's location) as midnight UTC, the form a ledger
// row's PaidOn is stored in.
func CalendarDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
