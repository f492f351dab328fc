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
		if _, err := e.stripeWorker().RunOnce(ctx, e.clock.Add(time.Minute)); err != nil {
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

// markPaidByTransfer records that the money of an invoice booking arrived, as the back office does.
func markPaidByTransfer(t *testing.T, st *store.Store, reference string) {
	t.Helper()
	ctx := context.Background()
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		_, err = tx.MarkBookingPaid(ctx, b.ID) // the status and the ledger row
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Money paid by bank transfer cannot be refunded through Stripe: cancelling such a booking
// flags it for the trainer with the amount to transfer back.
func TestCancelBookingPaidByTransferAsksForAManualRefund(t *testing.T) {
	cases := []struct {
		name      string
		paid      bool
		daysLater int   // the date starts 30 days after booking
		wantDue   int64 // in halves of the gross amount
	}{
		{"paid, free cancellation: everything goes back", true, 0, 2},
		{"paid, within the fee period: the rest goes back", true, 20, 1},
		{"unpaid: nothing to send back", false, 0, 0},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				ctx := context.Background()
				e := newPayEnv(t, st, 10, stripeMockURL)
				res, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 2, model.PaymentInvoice))
				if err != nil {
					t.Fatal(err)
				}
				if tc.paid {
					markPaidByTransfer(t, st, res.Booking.Reference)
				}
				e.clock.Add(time.Duration(tc.daysLater) * 24 * time.Hour)
				if _, err := e.svc.CancelByBooker(ctx, res.Booking.Reference, res.ManageToken); err != nil {
					t.Fatal(err)
				}
				got := e.booking(t, res.Booking.Reference)
				wantDue := got.GrossCents * tc.wantDue / 2
				flagged := got.NeedsAttention && got.AttentionReason == model.AttentionRefundManual
				if got.Status != model.BookingCancelled || flagged != (wantDue > 0) || got.RefundDueCents != wantDue {
					t.Fatalf("booking %s attention=%v %q due %d, want due %d", got.Status, got.NeedsAttention, got.AttentionReason, got.RefundDueCents, wantDue)
				}
				if _, err := st.OutboxItemByKey(ctx, "stripe.refund:refund-"+got.Reference+"-cancel"); err == nil {
					t.Fatal("a Stripe refund was queued for a bank transfer")
				}
			})
		}
	})
}

// A refund of less than was paid (a cancellation that kept its fee) is a partial refund; a later
// refund of the rest makes it a full one, and an older total changes nothing.
func TestRefundEventsRecordPartialRefunds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL)
		b := e.reserveCard(t, 2)
		if err := e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid")); err != nil {
			t.Fatal(err)
		}
		gross := e.booking(t, b.Reference).GrossCents
		steps := []struct {
			name      string
			total     int64
			want      model.PaymentStatus
			wantCents int64
		}{
			{"half refunded", gross / 2, model.PaymentPartiallyRefunded, gross / 2},
			{"the rest refunded", gross, model.PaymentRefunded, gross},
			{"an older total arrives late", gross / 2, model.PaymentRefunded, gross},
		}
		for _, s := range steps {
			ev := event(b, payment.EventChargeRefunded, "")
			ev.Reference, ev.RefundedCents = "", s.total // found by payment intent
			if err := e.svc.HandleStripeEvent(ctx, ev); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if got := e.booking(t, b.Reference); got.PaymentStatus != s.want || got.Stripe.RefundedCents != s.wantCents {
				t.Fatalf("%s: %s with %d refunded, want %s with %d", s.name, got.PaymentStatus, got.Stripe.RefundedCents, s.want, s.wantCents)
			}
		}
	})
}

// The trainer cancels without a fee, even inside the fee period: everything paid goes back and
// an unpaid invoice is credited in full.
func TestCancelByTrainerGivesEverythingBack(t *testing.T) {
	cases := []struct {
		name       string
		method     string
		paid       bool
		wantStripe bool // refunded through Stripe
		wantManual bool // flagged for a transfer back
	}{
		{"card paid", model.PaymentCard, true, true, false},
		{"invoice paid by transfer", model.PaymentInvoice, true, false, true},
		{"invoice unpaid", model.PaymentInvoice, false, false, false},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				ctx := context.Background()
				e := newPayEnv(t, st, 10, stripeMockURL)
				res, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 2, tc.method))
				if err != nil {
					t.Fatal(err)
				}
				b := res.Booking
				switch {
				case tc.paid && tc.method == model.PaymentCard:
					if err := e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid")); err != nil {
						t.Fatal(err)
					}
				case tc.paid:
					markPaidByTransfer(t, st, b.Reference)
				}
				e.clock.Add(20 * 24 * time.Hour) // 10 days before the start: a booker would pay a fee
				if _, err := e.svc.CancelByTrainer(ctx, b.Reference); err != nil {
					t.Fatal(err)
				}
				if _, err := e.stripeWorker().RunOnce(ctx, e.clock.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
				got := e.booking(t, b.Reference)
				if got.Status != model.BookingCancelled || (got.Stripe.RefundedCents == got.GrossCents) != tc.wantStripe ||
					(got.AttentionReason == model.AttentionRefundManual && got.RefundDueCents == got.GrossCents) != tc.wantManual {
					t.Fatalf("booking %s/%s: Stripe refunded %d, attention %q due %d (gross %d)", got.Status, got.PaymentStatus,
						got.Stripe.RefundedCents, got.AttentionReason, got.RefundDueCents, got.GrossCents)
				}
				docs, err := st.InvoicesForBooking(ctx, b.ID)
				if err != nil || len(docs) != 2 || docs[1].GrossCents != -got.GrossCents {
					t.Fatalf("documents %+v (%v), want the invoice and a credit note of everything", docs, err)
				}
			})
		}
	})
}
