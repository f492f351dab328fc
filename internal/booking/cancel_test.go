package booking_test

import (
	"context"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// A payment confirmed while the booker cancels (after the manage link was checked, before the
// booking is locked) must be refunded: the refund is quoted from the locked booking.
func TestCancelByBookerRefundsAPaymentConfirmedMeanwhile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL) // the date starts in 30 days: cancelling is free
		res, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 2, model.PaymentCard))
		if err != nil {
			t.Fatal(err)
		}
		b := res.Booking
		var webhookErr error
		// CancelByBooker reads the clock after looking the booking up: the "paid" webhook commits then.
		e.clock.OnNextRead(func() {
			webhookErr = e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid"))
		})
		if _, err := e.svc.CancelByBooker(ctx, b.Reference, res.ManageToken); err != nil {
			t.Fatal(err)
		}
		if webhookErr != nil {
			t.Fatalf("webhook: %v", webhookErr)
		}
		if _, err := booking.NewStripeWorker(e.svc).RunOnce(ctx, e.clock.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		got := e.booking(t, b.Reference)
		if got.Status != model.BookingCancelled || got.Stripe.RefundedCents != got.GrossCents {
			t.Fatalf("booking %s/%s refunded %d of %d, want all of it", got.Status, got.PaymentStatus, got.Stripe.RefundedCents, got.GrossCents)
		}
		docs, err := st.InvoicesForBooking(ctx, b.ID)
		if err != nil || len(docs) != 2 || docs[1].Kind != model.InvoiceKindCreditNote || docs[1].GrossCents != -got.GrossCents {
			t.Fatalf("documents %+v (%v), want the invoice and a credit note of everything", docs, err)
		}
	})
}
