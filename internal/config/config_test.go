package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func defaults(t *testing.T) []byte {
	t.Helper()
	raw, err := os.ReadFile("../../config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestLoadDefaults(t *testing.T) {
	c, err := Load(defaults(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.Database != "data/seminars.db" || !c.Demo || c.VATRateBP != 1900 ||
		c.Location.String() != "Europe/Berlin" || c.StripeEnabled() || c.IsPostgres() || c.BookingRateLimit != 20 ||
		len(c.TrustedProxyNets) != 0 {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestEnvironmentOverrides(t *testing.T) {
	file := filepath.Join(t.TempDir(), "seminars.yaml")
	if err := os.WriteFile(file, []byte("addr: \":7000\"\nseller_name: \"Aus der Datei\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(defaults(t), []string{
		"SEMINARS_CONFIG=" + file,
		"SEMINARS_ADDR=127.0.0.1:9999",
		"SEMINARS_DATABASE=postgres://u@db/seminars",
		"SEMINARS_DEMO=false",
		"SEMINARS_BOOKING_RATE_LIMIT=0",
		"SEMINARS_STRIPE_SECRET_KEY=sk_test_x",
		"SEMINARS_BASE_URL=https://seminare.example/",
		"SEMINARS_TRUSTED_PROXIES=127.0.0.1/32, 10.0.0.0/8 ,",
		"OTHER_SETTING=ignored",
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		ok   bool
	}{
		{"env beats file", c.Addr == "127.0.0.1:9999"},
		{"file beats defaults", c.SellerName == "Aus der Datei"},
		{"postgres URL selects PostgreSQL", c.IsPostgres()},
		{"booleans parse", !c.Demo},
		{"zero turns the rate limit off", c.BookingRateLimit == 0},
		{"Stripe key enables card payment", c.StripeEnabled()},
		{"seller tax mode defaults to standard", c.SellerTaxMode == "standard"},
		{"trailing slash trimmed", c.BaseURL == "https://seminare.example"},
		{"trusted proxies parsed", len(c.TrustedProxyNets) == 2 && c.TrustedProxyNets[1].String() == "10.0.0.0/8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.ok {
				t.Fatalf("config %+v", c)
			}
		})
	}
}

func TestValidateRefusesBadSettings(t *testing.T) {
	cases := []struct {
		name, env, want string
	}{
		{"bad base URL", "SEMINARS_BASE_URL=localhost", "base_url"},
		{"bad SMTP URL", "SEMINARS_SMTP_URL=mail.example:25", "smtp_url"},
		{"admin password alone", "SEMINARS_ADMIN_PASSWORD=geheim-geheim", "admin_email"},
		{"negative rate limit", "SEMINARS_BOOKING_RATE_LIMIT=-1", "booking_rate_limit"},
		{"zero max capacity", "SEMINARS_MAX_CAPACITY=0", "max_capacity"},
		{"secret key too short", "SEMINARS_SECRET_KEY=kurz", "secret_key"},
		{"trusted proxy not a CIDR", "SEMINARS_TRUSTED_PROXIES=10.0.0.0/8, proxy.local", "trusted_proxies"},
		{"hold shorter than Stripe allows", "SEMINARS_HOLD_MINUTES=10", "hold_minutes"},
		{"unknown time zone", "SEMINARS_TIMEZONE=Mars/Olympus", "timezone"},
		{"not a number", "SEMINARS_VAT_RATE_BP=neunzehn", "vat_rate_bp"},
		{"unknown seller tax mode", "SEMINARS_SELLER_TAX_MODE=steuerfrei", "seller_tax_mode"},
		{"registration scheme not an ICD code", "SEMINARS_SELLER_REGISTRATION_SCHEME=GLN", "seller_registration_scheme"},
		{"cancellation steps not days:percent", "SEMINARS_CANCELLATION_STEPS=28 Tage frei", "cancellation_steps"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(defaults(t), []string{tc.env})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}
