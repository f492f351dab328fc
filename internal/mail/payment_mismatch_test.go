package mail_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/payment/stripemock"
	"seminars/internal/store"
)

const mismatchWebhookSecret = "whsec_mismatch_test"

// sessionEvent is a Checkout Session event as Stripe sends it, signed with the endpoint secret
// at now and verified the way the webhook handler verifies it.
func sessionEvent(t *testing.T, now time.Time, id, typ, reference, session, status, currency string, amount int64) payment.Event {
	t.Helper()
	body := []byte(fmt.Sprintf(`{"id":%q,"object":"event","api_version":%q,"created":%d,"type":%q,"data":{"object":
		{"id":%q,"object":"checkout.session","client_reference_id":%q,"payment_status":%q,"payment_intent":"pi_%s",
		"amount_total":%d,"currency":%q,"metadata":{"booking_reference":%q}}}}`,
		id, stripe.APIVersion, now.Unix(), typ, session, reference, status, reference, amount, currency, reference))
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: mismatchWebhookSecret, Timestamp: now})
	ev, err := payment.ParseEvent(body, signed.Header, mismatchWebhookSecret, now)
	if err != nil {
		t.Fatalf("parse signed event: %v", err)
	}
	return ev
}

// TestMismatchedPaymentsAreNotCounted: a signed Stripe event pays a booking only when it is the
// booking's own Checkout Session, in euros, for exactly the gross amount, and paid. Any other
// leaves the booking as it was, puts it on the attention list with what did not match, and
// tells the owner once — a second delivery of the same event adds nothing.
func TestMismatchedPaymentsAreNotCounted(t *testing.T) {
	mock, err := stripemock.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mock.Stop)
	type bookings struct{ card, other, invoice model.Booking }
	cardOf := func(b bookings) model.Booking { return b.card }
	cases := []struct {
		name   string
		event  func(b bookings, now time.Time) payment.Event
		target func(b bookings) model.Booking
		paid   bool
		reason func(b bookings) string // "" for none
	}{
		{"amount 1 cent",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_cent", payment.EventCheckoutCompleted, b.card.Reference, b.card.Stripe.SessionID, "paid", "eur", 1)
			},
			cardOf, false, func(b bookings) string { return fmt.Sprintf("amount 1 ≠ %d due", b.card.GrossCents) }},
		{"currency USD",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_usd", payment.EventCheckoutCompleted, b.card.Reference, b.card.Stripe.SessionID, "paid", "usd", b.card.GrossCents)
			},
			cardOf, false, func(bookings) string { return "currency usd ≠ eur" }},
		{"another booking's session id",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_other", payment.EventCheckoutCompleted, b.card.Reference, b.other.Stripe.SessionID, "paid", "eur", b.card.GrossCents)
			},
			cardOf, false, func(b bookings) string { return "session " + b.other.Stripe.SessionID + " is not this booking's" }},
		{"unknown session",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_unknown", payment.EventCheckoutAsyncSucceeded, b.card.Reference, "cs_unknown", "paid", "eur", b.card.GrossCents)
			},
			cardOf, false, func(bookings) string { return "session cs_unknown is not this booking's" }},
		{"no_payment_required with 0 on a due booking",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_free", payment.EventCheckoutCompleted, b.card.Reference, b.card.Stripe.SessionID, "no_payment_required", "eur", 0)
			},
			cardOf, false, func(b bookings) string { return fmt.Sprintf("amount 0 ≠ %d due", b.card.GrossCents) }},
		{"event on an invoice booking",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_invoice", payment.EventCheckoutCompleted, b.invoice.Reference, b.card.Stripe.SessionID, "paid", "eur", b.invoice.GrossCents)
			},
			func(b bookings) model.Booking { return b.invoice }, false, func(bookings) string { return "invoice booking" }},
		{"the correct event",
			func(b bookings, now time.Time) payment.Event {
				return sessionEvent(t, now, "evt_right", payment.EventCheckoutCompleted, b.card.Reference, b.card.Stripe.SessionID, "paid", "EUR", b.card.GrossCents)
			},
			cardOf, true, func(bookings) string { return "" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.book.UsePayments(payment.New(payment.Config{SecretKey: "sk_test_123", APIURL: mock.URL}),
					booking.PaymentSettings{BaseURL: "https://seminare.example", Currency: "EUR", Location: e.berlin})
				e.addOwner("owner@example.com")
				date := e.seedDate(model.FormatOnline, e.now.Add(40*24*time.Hour).Truncate(time.Hour))
				b := bookings{card: e.reserveCard(date.ID, "cs_card"), other: e.reserveCard(date.ID, "cs_other"),
					invoice: e.reserve(date.ID, "de", [2]string{"Ina", "ina@muster.example"}).Booking}
				target := tc.target(b)
				ev := tc.event(b, e.now)
				for range 2 { // the second delivery of the same event changes nothing
					if err := e.book.HandleStripeEvent(e.ctx, ev); err != nil {
						t.Fatalf("handle %s: %v", ev.ID, err)
					}
				}
				got, err := e.st.BookingByReference(e.ctx, target.Reference)
				if err != nil {
					t.Fatal(err)
				}
				wantStatus, wantPaid := target.Status, target.PaymentStatus
				if tc.paid {
					wantStatus, wantPaid = model.BookingConfirmed, model.PaymentPaid
				}
				if got.Status != wantStatus || got.PaymentStatus != wantPaid {
					t.Fatalf("booking %s/%s, want %s/%s", got.Status, got.PaymentStatus, wantStatus, wantPaid)
				}
				reason := tc.reason(b)
				if !tc.paid && (got.Stripe.AsyncPending || !sameTime(got.HoldExpiresAt, target.HoldExpiresAt)) {
					t.Fatalf("hold changed: async %v, expires %v (was %v)", got.Stripe.AsyncPending, got.HoldExpiresAt, target.HoldExpiresAt)
				}
				if reason == "" && got.NeedsAttention || reason != "" && (!got.NeedsAttention ||
					got.AttentionReason != model.AttentionPaymentMismatch || got.AttentionDetail != reason) {
					t.Fatalf("attention %v %q %q, want %q", got.NeedsAttention, got.AttentionReason, got.AttentionDetail, reason)
				}
				listed, err := e.st.AttentionBookings(e.ctx, 10)
				if err != nil {
					t.Fatal(err)
				}
				if (len(listed) == 1 && listed[0].Reference == target.Reference) != (reason != "") || len(listed) > 1 {
					t.Fatalf("attention list %v", references(listed))
				}
				for at := e.now.Add(time.Minute); at.Before(e.now.Add(5 * time.Minute)); at = at.Add(time.Minute) {
					e.run(at)
				}
				notices := e.inbox()["owner@example.com"]
				if reason == "" {
					if len(notices) != 0 {
						t.Fatalf("owner told about a correct payment: %q", notices[0].Subject)
					}
					return
				}
				if len(notices) != 1 {
					t.Fatalf("owner got %d notices, want 1", len(notices))
				}
				n := notices[0]
				for _, want := range []string{reason, ev.ID, target.Reference, "https://seminare.example/admin/bookings?q=" + target.Reference} {
					if !strings.Contains(n.Text, want) {
						t.Errorf("notice lacks %q:\n%s", want, n.Text)
					}
				}
				if !strings.Contains(n.Subject, "Zahlung nicht verbucht") {
					t.Errorf("notice subject %q", n.Subject)
				}
			})
		})
	}
}

// reserveCard books one attendee by card and returns the hold with its Checkout Session; the
// session id is set to session, as stripe-mock answers every create with the same canned id.
func (e *env) reserveCard(dateID uint, session string) model.Booking {
	e.t.Helper()
	res, err := e.book.Reserve(e.ctx, booking.Request{
		DateID: dateID, PaymentMethod: model.PaymentCard, Language: "de",
		Billing: model.Billing{Company: "Karten GmbH", Name: "Kai Karte", Email: "kai@karten.example",
			Street: "Weg 3", PostalCode: "20095", City: "Hamburg", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Kim", LastName: "Karte", Email: "kim@karten.example"}},
	})
	if err != nil {
		e.t.Fatalf("reserve card: %v", err)
	}
	b := res.Booking
	b.Stripe.SessionID = session
	if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.SaveBookingPayment(e.ctx, &b) }); err != nil {
		e.t.Fatal(err)
	}
	return b
}

// addOwner adds an owner, who gets the notices.
func (e *env) addOwner(email string) {
	e.t.Helper()
	u := model.StaffUser{Email: email, Role: model.RoleOwner, PasswordHash: "x"}
	if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.CreateStaffUser(e.ctx, &u) }); err != nil {
		e.t.Fatal(err)
	}
}

func sameTime(a, b *time.Time) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Equal(*b)
}

func references(bs []model.Booking) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Reference + ":" + b.AttentionDetail
	}
	return out
}
