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

// TestMismatchedEventLeavesTheHoldToTheSweeper: an event that is not the booking's payment —
// including a SEPA "unpaid" completion of the wrong amount, which would otherwise keep the hold
// waiting for the debit — neither confirms the seats nor stops the hold from running out: the
// sweeper releases it as usual. Other sessions' "expired" and "failed" events change nothing.
func TestMismatchedEventLeavesTheHoldToTheSweeper(t *testing.T) {
	cases := []struct {
		name    string
		mutate  func(ev *payment.Event)
		typ     string
		status  string
		flagged bool
		detail  string
	}{
		{"SEPA pending for 1 cent", func(ev *payment.Event) { ev.AmountTotal = 1 }, payment.EventCheckoutCompleted, "unpaid", true, ""},
		{"async success in dollars", func(ev *payment.Event) { ev.Currency = "usd" }, payment.EventCheckoutAsyncSucceeded, "paid", true, "currency usd ≠ eur"},
		{"async success still unpaid", func(*payment.Event) {}, payment.EventCheckoutAsyncSucceeded, "unpaid", true, "payment_status unpaid"},
		{"another session expired", func(ev *payment.Event) { ev.SessionID = "cs_other" }, payment.EventCheckoutExpired, "unpaid", false, ""},
		{"another session's debit failed", func(ev *payment.Event) { ev.SessionID = "cs_other" }, payment.EventCheckoutAsyncFailed, "unpaid", false, ""},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				ctx := context.Background()
				e := newPayEnv(t, st, 10, stripeMockURL)
				b := e.reserveCard(t, 2)
				ev := event(b, tc.typ, tc.status)
				tc.mutate(&ev)
				if err := e.svc.HandleStripeEvent(ctx, ev); err != nil {
					t.Fatal(err)
				}
				got := e.booking(t, b.Reference)
				if got.Status != model.BookingPendingPayment || got.PaymentStatus != model.PaymentUnpaid || got.Stripe.AsyncPending {
					t.Fatalf("booking %s/%s async %v after the event", got.Status, got.PaymentStatus, got.Stripe.AsyncPending)
				}
				if got.NeedsAttention != tc.flagged || tc.detail != "" && got.AttentionDetail != tc.detail {
					t.Fatalf("attention %v %q, want %v %q", got.NeedsAttention, got.AttentionDetail, tc.flagged, tc.detail)
				}
				if e.seats(t) != 2 {
					t.Fatal("the hold's seats went away")
				}
				if _, err := booking.NewSweeper(e.svc).RunOnce(ctx, b.HoldExpiresAt.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
				if got := e.booking(t, b.Reference); got.Status != model.BookingExpired || e.seats(t) != 0 {
					t.Fatalf("after the hold ran out: %s, %d seats", got.Status, e.seats(t))
				}
			})
		}
	})
}

// TestMismatchKeepsAnOpenRefund: a Stripe event on a booking that already waits for the trainer
// to send money back by hand does not replace that item on the attention list; the owners are
// told about the event all the same.
func TestMismatchKeepsAnOpenRefund(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL)
		res, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 1, model.PaymentInvoice))
		if err != nil {
			t.Fatal(err)
		}
		b := res.Booking
		if err := st.WithTx(ctx, func(tx *store.Tx) error { _, err := tx.MarkBookingPaid(ctx, b.ID); return err }); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.CancelByTrainer(ctx, b.Reference); err != nil {
			t.Fatal(err)
		}
		ev := event(b, payment.EventCheckoutCompleted, "paid")
		ev.SessionID = "cs_someone"
		if err := e.svc.HandleStripeEvent(ctx, ev); err != nil {
			t.Fatal(err)
		}
		got := e.booking(t, b.Reference)
		if !got.NeedsAttention || got.AttentionReason != model.AttentionRefundManual || got.RefundDueCents != b.GrossCents {
			t.Fatalf("attention %v %q, refund due %d", got.NeedsAttention, got.AttentionReason, got.RefundDueCents)
		}
		if _, err := st.OutboxItemByKey(ctx, "mail.event:"+string(model.EventPaymentMismatch)+":"+ev.ID); err != nil {
			t.Fatalf("owners not told: %v", err)
		}
	})
}
