package payment_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"seminars/internal/payment"
	"seminars/internal/payment/stripemock"
)

var mockURL string

func TestMain(m *testing.M) {
	srv, err := stripemock.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mockURL = srv.URL
	code := m.Run()
	srv.Stop()
	os.Exit(code)
}

func gateway() *payment.Gateway {
	return payment.New(payment.Config{SecretKey: "sk_test_123", APIURL: mockURL})
}

func TestCreateCheckoutSession(t *testing.T) {
	in := payment.CheckoutInput{
		Reference: "SEM-ABCDEF", CustomerEmail: "buyer@example.com", Currency: "EUR", Locale: "de",
		Items:      []payment.LineItem{{Name: "Social Media im Vertrieb — 12.03.2027", Description: "Erika Muster · inkl. 19 % MwSt.", AmountCents: 58310}},
		SuccessURL: "http://localhost/b/SEM-ABCDEF/return", CancelURL: "http://localhost/b/SEM-ABCDEF",
		// A fixed time: stripe-mock checks the shape, not the distance from its clock.
		ExpiresAt: time.Date(2026, time.November, 28, 9, 31, 0, 0, time.UTC),
	}
	s, err := gateway().CreateCheckoutSession(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.ID, "cs_") || s.URL == "" {
		t.Fatalf("session = %+v", s)
	}
	if err := gateway().ExpireSession(context.Background(), s.ID); err != nil {
		t.Fatalf("expire: %v", err)
	}
}

func TestRefund(t *testing.T) {
	id, err := gateway().Refund(context.Background(), payment.RefundInput{PaymentIntent: "pi_123", AmountCents: 1000, IdempotencyKey: "refund-test"})
	if err != nil || !strings.HasPrefix(id, "re_") {
		t.Fatalf("refund = %q, %v", id, err)
	}
}

func TestUnreachableStripe(t *testing.T) {
	g := payment.New(payment.Config{SecretKey: "sk_test_123", APIURL: "http://127.0.0.1:1"})
	_, err := g.CreateCheckoutSession(context.Background(), payment.CheckoutInput{Reference: "SEM-X", Items: []payment.LineItem{{Name: "x", AmountCents: 1}}})
	if !errors.Is(err, payment.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
}

func TestParseEvent(t *testing.T) {
	const secret = "whsec_test"
	body := []byte(`{"id":"evt_1","object":"event","api_version":"` + stripe.APIVersion + `","type":"checkout.session.completed",
		"data":{"object":{"id":"cs_1","object":"checkout.session","client_reference_id":"SEM-ABCDEF","payment_status":"paid","payment_intent":"pi_1",
		"amount_total":59500,"currency":"eur"}}}`)
	now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC) // the injected clock; the wall clock plays no part
	sign := func(at time.Time, s string) string {
		return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: s, Timestamp: at}).Header
	}
	tol := payment.SignatureTolerance
	cases := []struct {
		name   string
		header string
		ok     bool
	}{
		{"valid", sign(now, secret), true},
		{"within tolerance in the past", sign(now.Add(-tol+time.Second), secret), true},
		{"within tolerance in the future", sign(now.Add(tol-time.Second), secret), true},
		{"exactly at the tolerance", sign(now.Add(-tol), secret), true},
		{"forged", sign(now, "whsec_other"), false},
		{"stale: beyond tolerance in the past", sign(now.Add(-tol-time.Second), secret), false},
		{"ten minutes old", sign(now.Add(-10*time.Minute), secret), false},
		{"beyond tolerance in the future", sign(now.Add(tol+time.Second), secret), false},
		{"one hour in the future", sign(now.Add(time.Hour), secret), false},
		{"unsigned", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := payment.ParseEvent(body, tc.header, secret, now)
			if !tc.ok {
				if !errors.Is(err, payment.ErrBadSignature) {
					t.Fatalf("err = %v, want ErrBadSignature", err)
				}
				return
			}
			want := payment.Event{ID: "evt_1", Type: payment.EventCheckoutCompleted, Reference: "SEM-ABCDEF", SessionID: "cs_1", PaymentIntent: "pi_1", PaymentStatus: "paid",
				AmountTotal: 59500, Currency: "eur"}
			if err != nil || ev != want {
				t.Fatalf("got %+v, %v; want %+v", ev, err, want)
			}
		})
	}
}
