package app_test

import (
	"testing"
	"time"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/store/storetest"
)

// TestNewWiresTheConfiguration: what is configured reaches the service that acts on it, through
// the one mapping main and the tests share.
func TestNewWiresTheConfiguration(t *testing.T) {
	cases := []struct {
		name  string
		env   []string
		check func(t *testing.T, a *app.App)
	}{
		{"defaults: invoice only, seller from seller_*", nil, func(t *testing.T, a *app.App) {
			if a.Bookings.PaymentsEnabled() {
				t.Error("payments on without a Stripe key")
			}
			s := a.Seller
			if s.Street != "Musterstraße 1" || s.PostalCode != "10115" || s.City != "Berlin" || s.Address() != "Musterstraße 1, 10115 Berlin" {
				t.Errorf("seller address %q / %q / %q, one line %q", s.Street, s.PostalCode, s.City, s.Address())
			}
			if got := a.Bookings.Settings().Seller; got != s {
				t.Errorf("booking's seller %+v, app's %+v", got, s)
			}
		}},
		{"a Stripe key turns card payment on", []string{"SEMINARS_STRIPE_SECRET_KEY=sk_test_123"}, func(t *testing.T, a *app.App) {
			if !a.Bookings.PaymentsEnabled() {
				t.Error("payments off with a Stripe key")
			}
		}},
		{"cancellation policy for every payment method", []string{"SEMINARS_CANCELLATION_FREE_DAYS=21", "SEMINARS_CANCELLATION_FEE_PERCENT=30"}, func(t *testing.T, a *app.App) {
			p := a.Bookings.Settings().Cancellation
			if p.FreeDays != 21 || p.FeePercent != 30 || p.Location == nil || p.Location.String() != "Europe/Berlin" {
				t.Errorf("policy %+v", p)
			}
		}},
		{"session lengths", []string{"SEMINARS_SESSION_IDLE_MINUTES=30", "SEMINARS_SESSION_MAX_HOURS=2"}, func(t *testing.T, a *app.App) {
			s := a.Auth.Settings()
			if s.IdleTimeout != 30*time.Minute || s.AbsoluteTimeout != 2*time.Hour {
				t.Errorf("auth settings %+v", s)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := storetest.SQLite(t)
			tc.check(t, apptest.New(t, st, apptest.Config(t, tc.env...)))
		})
	}
}

// TestSellerAddressLine: the one-line address pages and mail show is the configured line
// whatever parts it has.
func TestSellerAddressLine(t *testing.T) {
	cases := []struct{ name, line string }{
		{"street, postal code and city", "Musterstraße 1, 10115 Berlin"},
		{"street and city", "Musterstraße 1, Berlin"},
		{"one part", "Postfach 12"},
		{"empty", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := apptest.Config(t)
			cfg.SellerAddress = tc.line
			if got := app.Seller(cfg).Address(); got != tc.line {
				t.Errorf("Address() = %q, want %q", got, tc.line)
			}
		})
	}
}
