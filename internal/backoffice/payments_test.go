package backoffice

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// paidByStripe records a Stripe payment of everything for a fresh booking, as the webhook leaves
// it: payment intent, status paid, a stripe row in the ledger.
func paidByStripe(t *testing.T, st *store.Store, reference string) model.Booking {
	t.Helper()
	ctx := context.Background()
	var b model.Booking
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if b, err = tx.LockBooking(ctx, reference); err != nil {
			return err
		}
		b.PaymentStatus, b.Stripe.PaymentIntent = model.PaymentPaid, "pi_"+reference
		if err := tx.SaveBookingPayment(ctx, &b); err != nil {
			return err
		}
		return tx.AddPayment(ctx, &model.Payment{BookingID: b.ID, AmountCents: b.GrossCents, Method: model.LedgerStripe,
			PaidOn: st.Now(), RecordedBy: "stripe", StripeRef: b.Stripe.PaymentIntent})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOverpaymentBecomesARefundItem: money received beyond what is owed goes back the way it
// can — through Stripe for a card booking (a stripe.refund outbox item for exactly the excess),
// by hand for a bank transfer (a manual refund on the dashboard, cleared when the owner records
// it as paid out through the attention list).
func TestOverpaymentBecomesARefundItem(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		w, bookings := newTestWaitlist(st, clk)
		office := New(st, bookings, w, clk.Now)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		today := clk.Now().In(storetest.Berlin()).Format(time.DateOnly)

		t.Run("card", func(t *testing.T) {
			res, err := bookings.Reserve(ctx, request(date.ID, 1))
			if err != nil {
				t.Fatal(err)
			}
			b := paidByStripe(t, st, res.Booking.Reference)
			m, err := office.RecordPayment(ctx, "owner@example.com", b.Reference, model.PaymentInput{AmountCents: 5000, PaidOn: today, Method: "bank_transfer"})
			if err != nil || m.Account.AmountRefundable != 5000 || m.Account.Status != model.PaymentOverpaid {
				t.Fatalf("record: %v %+v", err, m.Account)
			}
			items, err := st.DueOutboxItems(ctx, model.TopicStripeRefund, clk.Now().Add(time.Hour), 100)
			if err != nil {
				t.Fatal(err)
			}
			var found int
			for _, it := range items {
				if strings.Contains(it.Payload, `"amount_cents":5000`) && strings.Contains(it.Payload, b.Reference) {
					found++
				}
			}
			if found != 1 {
				t.Fatalf("%d refund items of 50 € for %s, want 1: %+v", found, b.Reference, items)
			}
		})

		t.Run("bank transfer", func(t *testing.T) {
			res, err := bookings.Reserve(ctx, request(date.ID, 1))
			if err != nil {
				t.Fatal(err)
			}
			ref := res.Booking.Reference
			m, err := office.RecordPayment(ctx, "owner@example.com", ref, model.PaymentInput{AmountCents: res.Booking.GrossCents + 700, PaidOn: today, Method: "bank_transfer"})
			if err != nil || m.Account.AmountRefundable != 700 {
				t.Fatalf("record: %v %+v", err, m.Account)
			}
			got, _ := st.BookingByReference(ctx, ref)
			if !got.NeedsAttention || got.AttentionReason != model.AttentionRefundManual || got.RefundDueCents != 700 {
				t.Fatalf("attention %v %q %d, want a manual refund of 700", got.NeedsAttention, got.AttentionReason, got.RefundDueCents)
			}
			if err := office.HandleAttention(ctx, "owner@example.com", ref); err != nil {
				t.Fatal(err)
			}
			account, err := st.AccountOfBooking(ctx, ref2id(t, st, ref))
			if err != nil || !account.Settled() || account.PaidBackCents != 700 {
				t.Fatalf("after the payout: %v %+v, want settled with 700 paid back", err, account)
			}
			if got, _ := st.BookingByReference(ctx, ref); got.NeedsAttention {
				t.Fatal("the manual refund still needs attention")
			}
		})

		t.Run("nothing owed", func(t *testing.T) {
			res, err := bookings.Reserve(ctx, request(date.ID, 1))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := bookings.CancelByTrainer(ctx, res.Booking.Reference); err != nil {
				t.Fatal(err)
			}
			if err := office.MarkPaid(ctx, "owner@example.com", res.Booking.Reference); !errors.Is(err, model.ErrInvalidTransition) {
				t.Fatalf("mark paid with nothing owed: %v, want invalid transition", err)
			}
		})
	})
}

func ref2id(t *testing.T, st *store.Store, reference string) uint {
	t.Helper()
	b, err := st.BookingByReference(context.Background(), reference)
	if err != nil {
		t.Fatal(err)
	}
	return b.ID
}
