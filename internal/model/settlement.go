package model

// Settlement is where the money of a cancelled booking stands, worked out from what was issued
// (the invoice and its credit notes: issued documents are the record) and from the payments
// ledger (AccountOf). The fee kept is what the credit notes did not credit.
type Settlement struct {
	InvoiceNumber    string // the invoice the fee is owed on; "" when none was issued
	CreditNoteNumber string // the newest credit note; "" when none was issued
	InvoicedCents    int64  // the invoice's gross amount
	CreditedCents    int64  // the credit notes' gross amounts, as a positive sum
	FeeCents         int64  // what the cancellation keeps: invoiced − credited
	// RefundCents is what goes back to the booker: what the ledger holds beyond what is owed,
	// and what was already paid back. A fee paid after the cancellation is no refund.
	RefundCents int64
	// RefundDone tells whether the refund went out: the ledger holds nothing refundable any more
	// (Stripe reported the refund, or the trainer recorded the manual refund as paid out).
	RefundDone bool
	OwedCents  int64 // what is still to pay (AmountDue): the fee, when nothing was paid
	Paid       bool  // money was received for the booking
}

// Settle works out the settlement of a booking from its issued documents (in any order) and its
// ledger rows.
func Settle(docs []Invoice, ledger []Payment) Settlement {
	var s Settlement
	// Only the standing invoice and its credit notes count: an invoice a correction replaced was
	// cancelled in full by its own credit note.
	inv, _, ok := CurrentInvoice(docs)
	if ok {
		s.InvoiceNumber, s.InvoicedCents = inv.Number, inv.GrossCents
	}
	var newest uint
	for _, d := range docs {
		if ok && inv.Corrects(d) {
			s.CreditedCents -= d.GrossCents // credit notes carry negative amounts
			if d.ID >= newest {
				newest, s.CreditNoteNumber = d.ID, d.Number
			}
		}
	}
	s.FeeCents = max(s.InvoicedCents-s.CreditedCents, 0)
	a := AccountOf(docs, ledger)
	s.Paid = a.ReceivedCents > 0
	s.OwedCents = a.AmountDue
	s.RefundCents = a.AmountRefundable + a.PaidBackCents
	s.RefundDone = s.RefundCents > 0 && a.AmountRefundable == 0
	return s
}
