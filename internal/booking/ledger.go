package booking

import (
	"context"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// RecordPaymentInTx adds p to b's ledger in tx and acts on what the row changed: the booking's
// payment status follows the account; money received beyond what is owed becomes a refund item
// (settleOverpayment); a payment that settles what was due tells the billing contact ("payment
// received"); a payout that leaves nothing to refund clears the manual-refund item. b must be
// locked in tx (tx.LockBooking). It returns the account after the row.
func (s *Service) RecordPaymentInTx(ctx context.Context, tx *store.Tx, b *model.Booking, p model.Payment) (model.Account, error) {
	before, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return model.Account{}, err
	}
	p.BookingID = b.ID
	if err := tx.AddPayment(ctx, &p); err != nil {
		return model.Account{}, err
	}
	after, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return model.Account{}, err
	}
	b.PaymentStatus = after.Status
	if b.NeedsAttention && b.AttentionReason == model.AttentionRefundManual {
		b.RefundDueCents = min(b.RefundDueCents, after.AmountRefundable)
		b.NeedsAttention = b.RefundDueCents > 0
	}
	if err := s.settleOverpayment(ctx, tx, b, before, after, fmt.Sprintf("over-%d", p.ID)); err != nil {
		return model.Account{}, err
	}
	if err := tx.SaveBookingPayment(ctx, b); err != nil {
		return model.Account{}, err
	}
	if p.AmountCents > 0 && before.AmountDue > 0 && after.AmountDue == 0 {
		err = Notify(ctx, tx, fmt.Sprintf("%s:%d", b.Reference, p.ID), model.EventPayload{
			Event: model.EventPaymentReceived, BookingID: b.ID, Extra: model.EventExtra{AmountCents: p.AmountCents},
		})
	}
	return after, err
}

// settleOverpayment turns what became refundable between two accounts into refund items: the
// part the booking paid through Stripe goes back through Stripe (a stripe.refund outbox item,
// idempotent by why), the rest waits on the dashboard as a manual refund for the trainer. Only
// the increase is handed on, so money already on its way back is never refunded twice. It
// changes b's attention fields; the caller saves b.
func (s *Service) settleOverpayment(ctx context.Context, tx *store.Tx, b *model.Booking, before, after model.Account, why string) error {
	more := after.AmountRefundable - before.AmountRefundable
	if more <= 0 {
		return nil
	}
	viaStripe := int64(0)
	if b.Stripe.PaymentIntent != "" { // what came in through Stripe goes back through Stripe
		net, err := stripeNetReceived(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		viaStripe = min(more, max(net, 0))
	}
	if viaStripe > 0 {
		if err := enqueueRefund(ctx, tx, b, viaStripe, why); err != nil {
			return err
		}
	}
	if manual := more - viaStripe; manual > 0 {
		if !(b.NeedsAttention && b.AttentionReason == model.AttentionRefundManual) {
			b.RefundDueCents = 0
		}
		b.NeedsAttention, b.AttentionReason, b.RefundDueCents = true, model.AttentionRefundManual, b.RefundDueCents+manual
		b.AttentionDetail = "" // the detail belonged to the reason this one replaces
	}
	return nil
}

// stripeNetReceived is what the ledger says came in through Stripe for a booking, less what went
// back through Stripe (refunds are negative rows).
func stripeNetReceived(ctx context.Context, tx *store.Tx, bookingID uint) (int64, error) {
	rows, err := tx.PaymentsForBooking(ctx, bookingID)
	if err != nil {
		return 0, err
	}
	var sum int64
	for _, p := range rows {
		if p.Method == model.LedgerStripe {
			sum += p.AmountCents
		}
	}
	return sum, nil
}
