package booking

import (
	"context"
	"fmt"
	"strings"

	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
)

// paymentMismatch says why a Checkout Session event cannot count as this booking's payment, or
// "" when it can. A signed event proves only that Stripe sent it, not that it pays for this
// booking: the reference is whatever the session carried, so the session must be the one this
// booking opened, in the service's currency, for exactly the gross amount, and paid. Invoice
// bookings are paid by bank transfer and never through Stripe. A session still waiting for its
// SEPA debit ("unpaid" on checkout.session.completed) passes when everything else matches, so
// the hold can wait for it.
func (s *Service) paymentMismatch(b model.Booking, ev payment.Event) string {
	due := b.GrossCents
	switch {
	case b.PaymentMethod != model.PaymentCard:
		return fmt.Sprintf("%s booking", b.PaymentMethod)
	case ev.SessionID == "" || ev.SessionID != b.Stripe.SessionID:
		return fmt.Sprintf("session %s is not this booking's", orNone(ev.SessionID))
	case !strings.EqualFold(ev.Currency, s.pay.Currency):
		return fmt.Sprintf("currency %s ≠ %s", orNone(strings.ToLower(ev.Currency)), strings.ToLower(s.pay.Currency))
	case ev.AmountTotal != due:
		return fmt.Sprintf("amount %d ≠ %d due", ev.AmountTotal, due)
	}
	switch ev.PaymentStatus {
	case "paid":
		return ""
	case "unpaid":
		if ev.Type == payment.EventCheckoutCompleted {
			return "" // SEPA: the debit follows
		}
	case "no_payment_required":
		if due == 0 {
			return ""
		}
		return fmt.Sprintf("payment_status no_payment_required, but %d due", due)
	}
	return fmt.Sprintf("payment_status %s", orNone(ev.PaymentStatus))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// flagMismatch leaves the booking as it was — unpaid, its hold running out as usual — and puts
// it on the back office's attention list with what did not match; the owners are told by mail.
// The event's id names the notice, so each event is reported once (its id is also stored, so a
// second delivery never gets here).
func (s *Service) flagMismatch(ctx context.Context, tx *store.Tx, b *model.Booking, ev payment.Event, why string) error {
	s.log.WarnContext(ctx, "stripe payment does not match the booking; not counted", "event", ev.ID, "type", ev.Type,
		"reference", b.Reference, "session", ev.SessionID, "reason", why)
	// A booking already waiting for the trainer for another reason (money to send back by hand,
	// a failed refund) keeps it: that item is still open, and the owners' mail reports this one.
	if !b.NeedsAttention || b.AttentionReason == model.AttentionPaymentMismatch {
		b.NeedsAttention, b.AttentionReason, b.AttentionDetail = true, model.AttentionPaymentMismatch, why
		if err := tx.SaveBookingPayment(ctx, b); err != nil {
			return err
		}
	}
	return Notify(ctx, tx, ev.ID, model.EventPayload{Event: model.EventPaymentMismatch, BookingID: b.ID,
		Extra: model.EventExtra{StripeEvent: ev.ID, StripeEventType: ev.Type, Reason: why}})
}
