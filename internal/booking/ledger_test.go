package booking_test

import (
	"context"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestStripeWritesTheLedger: a verified Stripe payment and the refund of a booker's cancellation
// with a fee are ledger rows written in the webhook's transaction, so the account reads the
// money the same way as for a bank transfer: paid → nothing due; cancelled with the fee after
// full payment → gross − fee refundable; refunded → nothing owed either way. A duplicate event
// writes no second row.
func TestStripeWritesTheLedger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL)
		res, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 2, model.PaymentCard))
		if err != nil {
			t.Fatal(err)
		}
		b := res.Booking
		paid := event(b, payment.EventCheckoutCompleted, "paid")
		for range 2 { // the second delivery is a duplicate
			if err := e.svc.HandleStripeEvent(ctx, paid); err != nil {
				t.Fatal(err)
			}
		}
		gross := e.booking(t, b.Reference).GrossCents
		account := func(step string, due, refundable, received, paidBack int64) {
			t.Helper()
			a, err := st.AccountOfBooking(ctx, b.ID)
			if err != nil {
				t.Fatal(err)
			}
			if a.AmountDue != due || a.AmountRefundable != refundable || a.ReceivedCents != received || a.PaidBackCents != paidBack {
				t.Fatalf("%s: %+v; want due %d, refundable %d, received %d, paid back %d", step, a, due, refundable, received, paidBack)
			}
		}
		account("paid", 0, 0, gross, 0)
		e.clock.Add(20 * 24 * time.Hour) // 10 days before the start: half is kept
		if _, err := e.svc.CancelByBooker(ctx, b.Reference, res.ManageToken); err != nil {
			t.Fatal(err)
		}
		fee := gross / 2
		account("cancelled with the fee", 0, gross-fee, gross, 0)
		if _, err := e.stripeWorker().RunOnce(ctx, e.clock.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		account("refunded", 0, 0, gross, gross-fee)
		if s := e.booking(t, b.Reference).PaymentStatus; s != model.PaymentPartiallyRefunded {
			t.Fatalf("status %s, want partially_refunded", s)
		}
	})
}
