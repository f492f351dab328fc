package mail

import (
	"context"
	"fmt"
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/worker"
)

// settlesMoney tells whether an event's billing mail carries the credit note the change issued
// and says what it means for the money: cancellations by the booker or the trainer and a date
// called off. A correction that issues a credit note belongs here as well.
func settlesMoney(event model.Event) bool {
	return event == model.EventBookingCancelled || event == model.EventDateCancelled
}

// settle attaches the booking's newest credit note to the billing contact's letter — PDF and
// e-invoice XML, named by reference and loaded from the stored files when the message is sent,
// as the confirmation does with its invoice — and words what is refunded, what fee is kept or
// still owed and how to pay it. A booking without documents (an unpaid card hold) gets neither.
//
// The credit note is issued in the cancelling transaction; a date's bookings may be cancelled
// just after the date's own event was recorded, so a booking on a cancelled date that still
// holds its seats is not written to yet: the event fails and is tried again after a backoff
// (and parked, with the owners told, if the booking never gets cancelled).
func (x expander) settle(ctx context.Context, b model.Booking, l *letter) error {
	if x.ev.Event == model.EventDateCancelled && model.HoldsSeats(b.Status) {
		return worker.Permanent(fmt.Errorf("booking %s on cancelled date %d is not cancelled yet", b.Reference, b.DateID))
	}
	if x.ev.Event == model.EventDateCancelled && cancelledBefore(b) {
		return nil // its own cancellation mail carried the credit note; this is only the date's notice
	}
	docs, err := x.q.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	var credit, original *model.Invoice
	for i, d := range docs {
		switch {
		case d.IsCreditNote() && (credit == nil || d.ID > credit.ID):
			credit = &docs[i]
		case d.Kind == model.InvoiceKindInvoice:
			original = &docs[i]
		}
	}
	if credit == nil {
		return nil
	}
	ledger, err := x.q.PaymentsForBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	l.documents = documentRefs(*credit)
	l.payment = x.c.settlementText(b, model.Settle(docs, ledger), original)
	return nil
}

// cancelledBefore tells whether a booking on a cancelled date was cancelled before the date was
// (the date's notice also goes to them): the date's updated_at is the moment it was called off.
func cancelledBefore(b model.Booking) bool {
	return b.CancelledAt != nil && b.Date != nil && b.Date.Status == model.DateCancelled && b.CancelledAt.Before(b.Date.UpdatedAt)
}

// settlementText says in the reader's language what a cancellation means for the money.
func (c composer) settlementText(b model.Booking, s model.Settlement, original *model.Invoice) string {
	t := c.i18n.For(b.Language)
	money := func(cents int64) string { return t.Money(cents) }
	parts := []string{t.T("mail.settle.credit_note", "CreditNote", s.CreditNoteNumber, "Invoice", s.InvoiceNumber)}
	switch {
	case s.RefundCents > 0 && b.PaymentMethod == model.PaymentCard:
		parts = append(parts, t.T("mail.settle.refund_card", "Refund", money(s.RefundCents)))
	case s.RefundCents > 0:
		parts = append(parts, t.T("mail.settle.refund_transfer", "Refund", money(s.RefundCents)))
	}
	switch {
	case s.OwedCents > 0:
		parts = append(parts, t.T("mail.settle.fee_owed", "Fee", money(s.OwedCents), "Invoice", s.InvoiceNumber), c.bankText(t, original))
	case s.FeeCents > 0:
		parts = append(parts, t.T("mail.settle.fee_kept", "Fee", money(s.FeeCents)))
	case !s.Paid:
		parts = append(parts, t.T("mail.settle.nothing_owed"))
	}
	return strings.Join(parts, " ")
}

// bankText says where to pay: the account printed on the invoice, else the configured one, else
// the invoice and the manage page.
func (c composer) bankText(t *i18n.Translator, original *model.Invoice) string {
	iban, bic, bank := c.s.Seller.IBAN, c.s.Seller.BIC, c.s.Seller.Bank
	if original != nil && original.Seller.IBAN != "" {
		iban, bic, bank = original.Seller.IBAN, original.Seller.BIC, original.Seller.Bank
	}
	if iban == "" {
		return t.T("mail.settle.pay_as_invoiced")
	}
	account := "IBAN " + iban
	if bic != "" {
		account += ", BIC " + bic
	}
	if bank != "" {
		account += " (" + bank + ")"
	}
	return t.T("mail.settle.pay_to", "Account", account)
}
