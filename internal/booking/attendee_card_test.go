package booking_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestBookerAttendeesOnACardBooking: on a card booking the booker can add nobody while the
// payment is pending (pay first) nor once it is paid (a second card payment would be needed: they
// book the person separately); cancelling one paid seat in the free period refunds that seat
// through Stripe.
func TestBookerAttendeesOnACardBooking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL)
		res, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 2, model.PaymentCard))
		if err != nil {
			t.Fatal(err)
		}
		in := booking.AttendeeInput{FirstName: "Neu", LastName: "Person", Email: "neu@example.com"}
		if _, err := e.svc.AddAttendeeByBooker(ctx, res.Booking.Reference, res.ManageToken, in); !errors.Is(err, booking.ErrAttendeePending) {
			t.Fatalf("add while pending: %v", err)
		}
		b := e.booking(t, res.Booking.Reference)
		if err := e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid")); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.AddAttendeeByBooker(ctx, b.Reference, res.ManageToken, in); !errors.Is(err, booking.ErrAttendeeCard) {
			t.Fatalf("add to a paid card booking: %v", err)
		}
		ch, err := e.svc.CancelAttendeeByBooker(ctx, b.Reference, res.ManageToken, b.Attendees[1].ID)
		if err != nil || ch.FeeCents != 0 || ch.After.Seats != 1 {
			t.Fatalf("cancel one: %+v, %v", ch, err)
		}
		items, err := st.DueOutboxItems(ctx, model.TopicStripeRefund, e.clock.Now().Add(1000*time.Hour), 10)
		if err != nil || len(items) != 1 {
			t.Fatalf("%d refund items (%v), want the seat's refund", len(items), err)
		}
		if got := e.seats(t); got != 1 {
			t.Fatalf("seats taken %d, want 1", got)
		}
	})
}
