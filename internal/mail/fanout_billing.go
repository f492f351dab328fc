package mail

import (
	"context"
	"fmt"
	"strconv"

	"seminars/internal/model"
)

// attachInvoice adds the booking's invoice to the billing contact's confirmation as
// <number>.pdf, rendered from the issued record like the download, so both are the same file.
// The invoice is issued in the transaction that confirms the booking, before this event is
// expanded; a booking without one (none issued) gets the mail without an attachment.
func (x expander) attachInvoice(ctx context.Context, m *Message, b model.Booking) error {
	docs, err := x.q.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if d.Kind != model.InvoiceKindInvoice {
			continue
		}
		pdf, err := x.c.docs.InvoicePDF(d)
		if err != nil {
			return fmt.Errorf("invoice %s for the confirmation of %s: %w", d.Number, b.Reference, err)
		}
		m.Attachments = append(m.Attachments, Attachment{Name: d.Number + ".pdf", ContentType: "application/pdf", Data: pdf})
		return nil
	}
	return nil
}

// refundedCents is the refund total a booking_refunded event names (a partial refund keeps the
// cancellation fee), else what the booking records, else everything.
func refundedCents(ev model.EventPayload, b model.Booking) int64 {
	if cents, err := strconv.ParseInt(ev.Extra["amount_cents"], 10, 64); err == nil && cents > 0 {
		return cents
	}
	if b.Stripe.RefundedCents > 0 {
		return b.Stripe.RefundedCents
	}
	return b.GrossCents
}
