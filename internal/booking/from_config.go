package booking

import (
	"log/slog"
	"time"

	"seminars/internal/config"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
)

// FromConfig builds the booking service the way the running service uses it: booking rules
// (including the cancellation policy, which applies whatever the payment method) from the
// settings and, when a Stripe key is set, card payment through Stripe Checkout. main and the HTTP
// tests share it, so the tests exercise the same wiring.
func FromConfig(st *store.Store, cfg config.Config, now func() time.Time, log *slog.Logger) *Service {
	s := New(st, Settings{
		VATRateBP: cfg.VATRateBP, InvoicePayment: cfg.InvoicePayment,
		HoldDuration: cfg.HoldDuration(), MaxAttendees: cfg.MaxAttendees,
		Seller: invoice.SellerFromConfig(cfg), SubstitutionDeadline: cfg.SubstitutionDeadline(),
		Cancellation: CancellationPolicyFromConfig(cfg),
	}, now, log)
	if cfg.StripeEnabled() {
		s.UsePayments(payment.New(payment.Config{SecretKey: cfg.StripeSecretKey, APIURL: cfg.StripeAPIURL}), PaymentSettings{
			BaseURL: cfg.BaseURL, Currency: cfg.Currency, Location: cfg.Location,
		})
	}
	return s
}

// CancellationPolicyFromConfig is the policy of the settings cancellation_free_days and
// cancellation_fee_percent, its days counted in the service's time zone.
func CancellationPolicyFromConfig(cfg config.Config) model.CancellationPolicy {
	return model.CancellationPolicy{FreeDays: cfg.CancellationFreeDays, FeePercent: cfg.CancellationFeePercent, Location: cfg.Location}
}
