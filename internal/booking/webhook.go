package booking

import (
	"context"
	"errors"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
)

// HandleStripeEvent applies a verified Stripe event in one transaction that also stores the
// event's id: a duplicate delivery finds the id and changes nothing, and since every transition
// only moves forward, events may arrive in any order. Events for unknown bookings are recorded
// and ignored, so Stripe stops resending them. A session event counts as payment only when it
// is the booking's own session for exactly what is due (paymentMismatch); any other is recorded,
// changes nothing but the booking's attention flag, and returns nil, so Stripe stops resending.
func (s *Service) HandleStripeEvent(ctx context.Context, ev payment.Event) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		fresh, err := tx.RecordStripeEvent(ctx, ev.ID, ev.Type)
		if err != nil || !fresh {
			return err
		}
		b, err := eventBooking(ctx, tx, ev)
		if errors.Is(err, model.ErrNotFound) {
			s.log.InfoContext(ctx, "stripe event for no booking of ours", "event", ev.ID, "type", ev.Type, "reference", ev.Reference)
			return nil
		}
		if err != nil {
			return err
		}
		s.log.InfoContext(ctx, "stripe event", "event", ev.ID, "type", ev.Type, "reference", b.Reference, "status", b.Status)
		return s.applyEvent(ctx, tx, &b, ev)
	})
}

// eventBooking locks the booking an event is about: named by reference (Checkout Sessions carry
// it) or found by payment intent (charges and refunds).
func eventBooking(ctx context.Context, tx *store.Tx, ev payment.Event) (model.Booking, error) {
	reference := ev.Reference
	if reference == "" && ev.PaymentIntent != "" {
		var err error
		if reference, err = tx.BookingReferenceByPaymentIntent(ctx, ev.PaymentIntent); err != nil {
			return model.Booking{}, err
		}
	}
	if reference == "" {
		return model.Booking{}, fmt.Errorf("stripe event %s names no booking: %w", ev.ID, model.ErrNotFound)
	}
	return tx.LockBooking(ctx, reference)
}

func (s *Service) applyEvent(ctx context.Context, tx *store.Tx, b *model.Booking, ev payment.Event) error {
	switch ev.Type {
	case payment.EventCheckoutCompleted, payment.EventCheckoutAsyncSucceeded:
		return s.applyPayment(ctx, tx, b, ev)
	case payment.EventCheckoutAsyncFailed, payment.EventCheckoutExpired:
		return s.applySessionEnd(ctx, tx, b, ev)
	case payment.EventChargeRefunded, payment.EventRefundCreated, payment.EventRefundUpdated, payment.EventChargeRefundUpdated:
		if ev.RefundFailed {
			b.NeedsAttention, b.AttentionReason = true, model.AttentionRefundFailed
			break
		}
		return s.recordRefund(ctx, tx, b, ev.RefundedCents)
	}
	return tx.SaveBookingPayment(ctx, b)
}

// applyPayment counts a session that completed or whose debit succeeded as the booking's payment,
// if it is (paymentMismatch), and otherwise flags it.
func (s *Service) applyPayment(ctx context.Context, tx *store.Tx, b *model.Booking, ev payment.Event) error {
	if why := s.paymentMismatch(*b, ev); why != "" {
		return s.flagMismatch(ctx, tx, b, ev, why)
	}
	if b.Stripe.PaymentIntent == "" && ev.PaymentIntent != "" {
		b.Stripe.PaymentIntent = ev.PaymentIntent // refunds go to it
	}
	if ev.Type == payment.EventCheckoutCompleted && ev.PaymentStatus == "unpaid" {
		// SEPA: the debit takes days. Keep the hold past its expiry until Stripe says how it went.
		if b.Status == model.BookingPendingPayment {
			b.Stripe.AsyncPending = true
		}
		return tx.SaveBookingPayment(ctx, b)
	}
	return s.markPaid(ctx, tx, b)
}

// applySessionEnd releases the hold of a session that expired or whose debit failed. Another
// session's end says nothing about this booking's hold.
func (s *Service) applySessionEnd(ctx context.Context, tx *store.Tx, b *model.Booking, ev payment.Event) error {
	if ev.SessionID != b.Stripe.SessionID {
		s.log.WarnContext(ctx, "stripe event for another session; ignored", "event", ev.ID, "type", ev.Type,
			"reference", b.Reference, "session", ev.SessionID)
		return nil
	}
	if ev.Type == payment.EventCheckoutAsyncFailed {
		b.Stripe.AsyncPending = false
	}
	if b.Status == model.BookingPendingPayment && b.PaymentStatus == model.PaymentUnpaid && !b.Stripe.AsyncPending {
		return s.expireHold(ctx, tx, b)
	}
	return tx.SaveBookingPayment(ctx, b)
}

// expireHold releases an unpaid hold and tells the booker.
func (s *Service) expireHold(ctx context.Context, tx *store.Tx, b *model.Booking) error {
	if err := s.releaseSeats(ctx, tx, b, model.BookingExpired); err != nil {
		return err
	}
	return Notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventHoldExpired, BookingID: b.ID})
}

// markPaid records money received. A hold still running is confirmed; a payment that arrives
// after its hold was released takes the seats again if they are free, and otherwise is refunded
// in full and flagged for the trainer: no money is kept for a seat that was not given.
func (s *Service) markPaid(ctx context.Context, tx *store.Tx, b *model.Booking) error {
	if b.PaymentStatus != model.PaymentUnpaid {
		return tx.SaveBookingPayment(ctx, b) // already paid (or refunded): a second "paid" event
	}
	b.PaymentStatus = model.PaymentPaid
	b.Stripe.AsyncPending = false
	now := s.now().UTC()
	if err := tx.AddPayment(ctx, &model.Payment{BookingID: b.ID, AmountCents: b.GrossCents, Method: model.LedgerStripe,
		PaidOn: now, RecordedBy: "stripe", StripeRef: b.Stripe.PaymentIntent}); err != nil {
		return err
	}
	switch b.Status {
	case model.BookingPendingPayment:
	case model.BookingExpired:
		if b.Date == nil || !b.Date.Bookable(now) {
			return s.refundLatePayment(ctx, tx, b)
		}
		err := tx.TakeSeats(ctx, b.DateID, b.Seats)
		if _, soldOut := IsSoldOut(err); soldOut {
			return s.refundLatePayment(ctx, tx, b)
		}
		if err != nil {
			return err
		}
		if b.VoucherCode != "" { // its use was given back when the hold expired
			if err := tx.CountVoucherUse(ctx, b.VoucherCode); err != nil {
				return err
			}
		}
	case model.BookingCancelled:
		return s.refundLatePayment(ctx, tx, b)
	default:
		return tx.SaveBookingPayment(ctx, b)
	}
	if err := b.Transition(model.BookingConfirmed, now); err != nil {
		return err
	}
	if err := tx.SaveBookingPayment(ctx, b); err != nil {
		return err
	}
	if err := s.IssueInvoice(ctx, tx, b.Reference, now); err != nil {
		return err
	}
	return Notify(ctx, tx, b.Reference, model.EventPayload{Event: model.EventBookingConfirmed, BookingID: b.ID})
}

func (s *Service) refundLatePayment(ctx context.Context, tx *store.Tx, b *model.Booking) error {
	b.NeedsAttention, b.AttentionReason = true, model.AttentionLatePaymentNoSeats
	if err := tx.SaveBookingPayment(ctx, b); err != nil {
		return err
	}
	s.log.WarnContext(ctx, "late payment without seats: refunding", "reference", b.Reference)
	return enqueueRefund(ctx, tx, b, b.GrossCents, "late")
}

// enqueueRefund asks the Stripe worker to refund amount after commit. why names the cause and
// makes the idempotency key, so the same cause never refunds twice.
func enqueueRefund(ctx context.Context, tx *store.Tx, b *model.Booking, amount int64, why string) error {
	if b.Stripe.PaymentIntent == "" || amount <= 0 {
		return nil
	}
	key := fmt.Sprintf("refund-%s-%s", b.Reference, why)
	return store.EnqueueJSON(ctx, tx, model.TopicStripeRefund, model.TopicStripeRefund.Key(key), model.StripeRefundPayload{
		BookingID: b.ID, Reference: b.Reference, PaymentIntent: b.Stripe.PaymentIntent,
		AmountCents: amount, IdempotencyKey: key,
	})
}

// recordRefund notes money given back: the part of the total not seen before becomes a negative
// ledger row, and the payment status follows the account. Amounts are totals (Stripe's
// amount_refunded, or the one refund a booking gets), so recording the same refund from the
// worker and a webhook is harmless.
func (s *Service) recordRefund(ctx context.Context, tx *store.Tx, b *model.Booking, totalCents int64) error {
	if totalCents <= b.Stripe.RefundedCents {
		return tx.SaveBookingPayment(ctx, b)
	}
	err := tx.AddPayment(ctx, &model.Payment{BookingID: b.ID, AmountCents: -(totalCents - b.Stripe.RefundedCents),
		Method: model.LedgerStripe, PaidOn: s.now().UTC(), RecordedBy: "stripe", StripeRef: b.Stripe.PaymentIntent})
	if err != nil {
		return err
	}
	b.Stripe.RefundedCents = totalCents
	account, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	b.PaymentStatus = account.Status
	if err := tx.SaveBookingPayment(ctx, b); err != nil {
		return err
	}
	return Notify(ctx, tx, fmt.Sprintf("%s:%d", b.Reference, totalCents),
		model.EventPayload{Event: model.EventBookingRefunded, BookingID: b.ID, Extra: model.EventExtra{AmountCents: totalCents}})
}
