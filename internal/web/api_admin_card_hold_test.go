package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// A card booking still waiting for Stripe takes no money through the admin API: its payment
// comes from Stripe, so recording one or marking it paid is 409 and changes nothing. (The one
// documented answer TestOpenAPIConformance cannot produce, as stripe-mock runs for this package.)
func TestAdminAPIRefusesMoneyOnACardHold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		a := apptest.New(t, st, apptest.Config(t, "SEMINARS_STRIPE_SECRET_KEY=sk_test_123",
			"SEMINARS_STRIPE_WEBHOOK_SECRET="+payWebhookSecret, "SEMINARS_STRIPE_API_URL="+stripeMockURL))
		srv, err := web.New(a)
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		t.Cleanup(ts.Close)
		token, err := a.Auth.CreateAPIToken(t.Context(), "card-hold", model.RoleOwner)
		if err != nil {
			t.Fatal(err)
		}
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		c := client(t)
		b := bookCard(t, c, ts.URL, date.ID, 1)
		cases := []struct{ name, path, body string }{
			{"record a payment", "/payments", `{"amount_cents":100,"paid_on":"2026-11-27","method":"cash"}`},
			{"mark paid", "/mark-paid", ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				status, body, _ := do(t, c, http.MethodPost, ts.URL+"/api/v1/admin/bookings/"+b.Reference+tc.path, "application/json", tc.body,
					"Authorization", "Bearer "+token)
				if status != http.StatusConflict || !strings.Contains(body, `"invalid_transition"`) {
					t.Fatalf("status %d: %s", status, body)
				}
			})
		}
		if got := bookingStatus(t, st, b.Reference); got != "pending_payment/unpaid" {
			t.Fatalf("booking is %s", got)
		}
	})
}
