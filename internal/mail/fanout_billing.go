package mail

import (
	"context"

	"seminars/internal/model"
)

// attachInvoice names the booking's invoice as attachments of the billing contact's
// confirmation: <number>.pdf and the e-invoice <number>.xml. Only the reference goes into the
// outbox; the stored files are loaded when the message is sent (attachDocuments), so the mail
// carries the very files the manage page offers. The invoice is issued in the transaction that
// confirms the booking, before this event is expanded; a booking without one (none issued) gets
// the mail without attachments.
func (x expander) attachInvoice(ctx context.Context, m *Message, b model.Booking) error {
	docs, err := x.q.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	// The newest invoice: a confirmation sent again after a correction carries the invoice in
	// force, not the one a credit note cancelled.
	for i := len(docs) - 1; i >= 0; i-- {
		if docs[i].Kind == model.InvoiceKindInvoice {
			m.Documents = append(m.Documents, documentRefs(docs[i])...)
			return nil
		}
	}
	return nil
}

// refundedCents is the refund total a booking_refunded event names (a partial refund keeps the
// cancellation fee), else what the booking records, else everything.
func refundedCents(ev model.EventPayload, b model.Booking) int64 {
	if ev.Extra.AmountCents > 0 {
		return ev.Extra.AmountCents
	}
	if b.Stripe.RefundedCents > 0 {
		return b.Stripe.RefundedCents
	}
	return b.GrossCents
}
