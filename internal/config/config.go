// Package config holds the service's typed settings. They are loaded once at start-up — the
// embedded defaults from config/seminars.yaml, then an optional file named by SEMINARS_CONFIG,
// then SEMINARS_* environment variables — validated once, and passed down as values.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/knadh/koanf/parsers/yaml"
	"github.com/knadh/koanf/providers/env/v2"
	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/providers/rawbytes"
	"github.com/knadh/koanf/v2"
)

// EnvPrefix starts every environment variable the service reads.
const EnvPrefix = "SEMINARS_"

// Config is every setting of the service. The yaml file documents each one.
type Config struct {
	Addr     string `koanf:"addr"`
	BaseURL  string `koanf:"base_url"`
	Database string `koanf:"database"`
	Demo     bool   `koanf:"demo"`
	DataDir  string `koanf:"data_dir"`
	// SecretKey derives the secret links shown again (package secret); empty = generated.
	SecretKey string `koanf:"secret_key"`

	AdminEmail    string `koanf:"admin_email"`
	AdminPassword string `koanf:"admin_password"`
	// SessionIdleMinutes and SessionMaxHours end back-office sessions (idle and absolute).
	SessionIdleMinutes int `koanf:"session_idle_minutes"`
	SessionMaxHours    int `koanf:"session_max_hours"`
	// SignInConcurrentChecks caps the password checks (19 MiB each) running at once.
	SignInConcurrentChecks int `koanf:"signin_concurrent_checks"`
	// RequireTOTP makes every back-office user set up two-factor sign-in (TOTP) at next sign-in.
	RequireTOTP bool `koanf:"require_totp"`
	// WaitlistOfferHours is how long a waiting-list offer holds its seats.
	WaitlistOfferHours int `koanf:"waitlist_offer_hours"`
	// FeedbackDays is how long after a date's end its survey is open (mail and answers); 0 = off.
	FeedbackDays int `koanf:"feedback_days"`

	StripeSecretKey     string `koanf:"stripe_secret_key"`
	StripeWebhookSecret string `koanf:"stripe_webhook_secret"`
	StripeAPIURL        string `koanf:"stripe_api_url"`

	SMTPURL string `koanf:"smtp_url"`
	// SMTPConnections is how many messages the mail worker sends at once, each connection
	// kept open for many messages while the outbox has mail.
	SMTPConnections int    `koanf:"smtp_connections"`
	MailFrom        string `koanf:"mail_from"`
	ReminderDays    int    `koanf:"reminder_days"`
	// DecisionDays is how many days before a date below its minimum the trainer must decide
	// whether it takes place (dashboard and one mail); 0 turns the decision reminder off.
	DecisionDays int `koanf:"decision_days"`
	// WorkerMaxAttempts is how many panics or permanent errors park a background item.
	WorkerMaxAttempts int `koanf:"worker_max_attempts"`

	BookingRateLimit int `koanf:"booking_rate_limit"`
	// MaxCapacity is the largest capacity of a date (online seminars can be large).
	MaxCapacity int `koanf:"max_capacity"`
	// TrustedProxies are comma-separated CIDRs of reverse proxies whose X-Forwarded-For names
	// the client; empty = clients connect directly and the header is ignored.
	TrustedProxies string `koanf:"trusted_proxies"`
	InvoicePayment bool   `koanf:"invoice_payment"`
	InvoiceDueDays int    `koanf:"invoice_due_days"`
	HoldMinutes    int    `koanf:"hold_minutes"`

	CancellationFreeDays   int `koanf:"cancellation_free_days"`
	CancellationFeePercent int `koanf:"cancellation_fee_percent"`
	// CancellationSteps replaces the pair above with fee steps ("28:0,14:50,0:100"); empty = the pair.
	CancellationSteps string `koanf:"cancellation_steps"`

	// PaymentReminderDays are the days after an invoice's due date when its billing contact is
	// reminded ("7,14,28"); PaymentReminderMax is the most reminders per invoice (0: none).
	PaymentReminderDays string `koanf:"payment_reminder_days"`
	PaymentReminderMax  int    `koanf:"payment_reminder_max"`

	// GroupDiscountFromSeat and GroupDiscountPercentBP are the global group discount: persons
	// from this one on get the percentage off their seat, in every seminar that uses the global
	// rule (0 = no global group discount).
	GroupDiscountFromSeat  int `koanf:"group_discount_from_seat"`
	GroupDiscountPercentBP int `koanf:"group_discount_percent_bp"`

	VATRateBP    int    `koanf:"vat_rate_bp"`
	Currency     string `koanf:"currency"`
	Timezone     string `koanf:"timezone"`
	MaxBodyBytes int64  `koanf:"max_body_bytes"`
	// MaterialMaxBytes is the largest file the trainer can upload as seminar material; its
	// upload routes take bodies of that size, every other route stays at MaxBodyBytes.
	MaterialMaxBytes int64 `koanf:"material_max_bytes"`
	MaxAttendees     int   `koanf:"max_attendees"`

	SellerName    string `koanf:"seller_name"`
	SellerAddress string `koanf:"seller_address"`
	SellerVATID   string `koanf:"seller_vat_id"`
	SellerEmail   string `koanf:"seller_email"`
	SellerPhone   string `koanf:"seller_phone"`
	// SellerTaxNumber is the Steuernummer, printed when no VAT ID is set (§14 UStG needs one of them).
	SellerTaxNumber string `koanf:"seller_tax_number"`
	// SellerTaxMode is how supplies in Germany are taxed: model.SellerTaxModes.
	SellerTaxMode string `koanf:"seller_tax_mode"`
	// SellerRegistrationID and SellerRegistrationScheme identify the seller in e-invoices
	// (BT-29/BT-30) where no VAT ID may or can be given.
	SellerRegistrationID     string `koanf:"seller_registration_id"`
	SellerRegistrationScheme string `koanf:"seller_registration_scheme"`
	SellerIBAN               string `koanf:"seller_iban"`
	SellerBIC                string `koanf:"seller_bic"`
	SellerBank               string `koanf:"seller_bank"`
	// TrainerName signs certificates of attendance.
	TrainerName string `koanf:"trainer_name"`
	// SubstitutionDeadlineHours is how many hours before a date bookers can last replace an attendee.
	SubstitutionDeadlineHours int `koanf:"substitution_deadline_hours"`

	// DATEV export for the accountant (docs/documents.md, "Accountant export").
	DATEVConsultantNumber        int    `koanf:"datev_consultant_number"`
	DATEVClientNumber            int    `koanf:"datev_client_number"`
	DATEVChart                   string `koanf:"datev_chart"`
	DATEVAccountLength           int    `koanf:"datev_account_length"`
	DATEVFiscalYearStartMonth    int    `koanf:"datev_fiscal_year_start_month"`
	DATEVDebtorAccount           int    `koanf:"datev_debtor_account"`
	DATEVDateBasis               string `koanf:"datev_date_basis"`
	DATEVRevenueStandard         int    `koanf:"datev_revenue_account_standard"`
	DATEVRevenueReverseCharge    int    `koanf:"datev_revenue_account_reverse_charge"`
	DATEVRevenueNotTaxable       int    `koanf:"datev_revenue_account_not_taxable"`
	DATEVRevenueExemptTraining   int    `koanf:"datev_revenue_account_exempt_training"`
	DATEVRevenueKleinunternehmer int    `koanf:"datev_revenue_account_kleinunternehmer"`

	// LegalDir is a folder with the operator's legal pages (impressum.de.md, datenschutz.en.md, ...);
	// a file missing there falls back to the default in config/legal/.
	LegalDir string `koanf:"legal_dir"`
	// Retention periods, shown on the privacy page; the retention job deletes by them.
	RetentionWaitlistMonths      int `koanf:"retention_waitlist_months"`
	RetentionInquiryMonths       int `koanf:"retention_inquiry_months"`
	RetentionMailDays            int `koanf:"retention_mail_days"`
	RetentionBusinessLetterYears int `koanf:"retention_business_letter_years"`
	RetentionInvoiceYears        int `koanf:"retention_invoice_years"`

	// Location is Timezone resolved by Validate.
	Location *time.Location `koanf:"-"`
	// CancellationStepList is CancellationSteps parsed by Validate (nil when empty).
	CancellationStepList []CancellationStep `koanf:"-"`
	// PaymentReminderDayList is PaymentReminderDays parsed by Validate.
	PaymentReminderDayList []int `koanf:"-"`
	// TrustedProxyNets is TrustedProxies parsed by Validate.
	TrustedProxyNets []*net.IPNet `koanf:"-"`
}

// Load reads the defaults, then the file named by SEMINARS_CONFIG (if any), then the environment
// given as KEY=VALUE pairs (os.Environ() in production, a fixed list in tests), and validates.
func Load(defaults []byte, environ []string) (Config, error) {
	k := koanf.New(".")
	if err := k.Load(rawbytes.Provider(defaults), yaml.Parser()); err != nil {
		return Config{}, fmt.Errorf("config: embedded defaults: %w", err)
	}
	if path := lookup(environ, EnvPrefix+"CONFIG"); path != "" {
		if err := k.Load(file.Provider(path), yaml.Parser()); err != nil {
			return Config{}, fmt.Errorf("config: %s: %w", path, err)
		}
	}
	envProvider := env.Provider(".", env.Opt{
		Prefix:      EnvPrefix,
		EnvironFunc: func() []string { return environ },
		TransformFunc: func(key, value string) (string, any) {
			name := strings.ToLower(strings.TrimPrefix(key, EnvPrefix))
			if name == "config" {
				return "", nil
			}
			return name, value
		},
	})
	if err := k.Load(envProvider, nil); err != nil {
		return Config{}, fmt.Errorf("config: environment: %w", err)
	}
	var c Config
	if err := k.UnmarshalWithConf("", &c, koanf.UnmarshalConf{Tag: "koanf", FlatPaths: false}); err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	return c, c.Validate()
}

// Validate checks the settings once and fills derived fields, so that nothing later needs to.
func (c *Config) Validate() error {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if c.Addr == "" {
		bad("addr is empty")
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("base_url %q is not an http(s) URL", c.BaseURL)
	}
	if c.Database == "" {
		bad("database is empty")
	}
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
			bad("smtp_url %q must look like smtp://user:pass@host:port or smtps://host:port", c.SMTPURL)
		}
	}
	if c.SMTPConnections < 1 || c.SMTPConnections > 32 {
		bad("smtp_connections must be between 1 and 32")
	}
	if c.SecretKey != "" && len(c.SecretKey) < 32 {
		bad("secret_key must have at least 32 characters (or be empty: then it is generated)")
	}
	if (c.AdminEmail == "") != (c.AdminPassword == "") {
		bad("admin_email and admin_password must be set together")
	}
	if c.AdminPassword != "" && len(c.AdminPassword) < 10 {
		bad("admin_password must have at least 10 characters")
	}
	if c.FeedbackDays < 0 || c.FeedbackDays > 365 {
		bad("feedback_days must be between 0 (off) and 365")
	}
	if c.WaitlistOfferHours < 1 {
		bad("waitlist_offer_hours must be at least 1")
	}
	if c.SessionIdleMinutes < 1 || c.SessionMaxHours < 1 {
		bad("session_idle_minutes and session_max_hours must be at least 1")
	}
	if c.SignInConcurrentChecks < 1 {
		bad("signin_concurrent_checks must be at least 1")
	}
	if c.BookingRateLimit < 0 {
		bad("booking_rate_limit must be 0 (off) or more")
	}
	if c.MaxCapacity < 1 {
		bad("max_capacity must be at least 1")
	}
	c.TrustedProxyNets = nil
	for _, cidr := range strings.Split(c.TrustedProxies, ",") {
		if cidr = strings.TrimSpace(cidr); cidr == "" {
			continue
		}
		_, ipNet, err := net.ParseCIDR(cidr)
		if err != nil {
			bad("trusted_proxies: %q is not a CIDR like 10.0.0.0/8 or 127.0.0.1/32", cidr)
			continue
		}
		c.TrustedProxyNets = append(c.TrustedProxyNets, ipNet)
	}
	if c.HoldMinutes < 30 || c.HoldMinutes > 24*60 {
		bad("hold_minutes must be between 30 and 1440 (Stripe Checkout sessions last 30 minutes to 24 hours)")
	}
	if c.VATRateBP < 0 || c.VATRateBP > 10000 {
		bad("vat_rate_bp must be between 0 and 10000")
	}
	if c.Currency != "EUR" {
		bad("currency must be EUR")
	}
	if c.MaxBodyBytes < 1024 {
		bad("max_body_bytes must be at least 1024")
	}
	if c.MaterialMaxBytes < 1024 || c.MaterialMaxBytes > 1<<30 {
		bad("material_max_bytes must be between 1024 and 1073741824 (1 GiB)")
	}
	if c.MaxAttendees < 1 {
		bad("max_attendees must be at least 1")
	}
	if g, p := c.GroupDiscountFromSeat, c.GroupDiscountPercentBP; (g != 0 || p != 0) && (g < 2 || p < 1 || p > 10000) {
		bad("group_discount_from_seat must be 0 or at least 2, with group_discount_percent_bp between 1 and 10000 (0 and 0: none)")
	}
	if c.CancellationFreeDays < 0 {
		bad("cancellation_free_days must not be negative")
	}
	if c.CancellationFeePercent < 0 || c.CancellationFeePercent > 100 {
		bad("cancellation_fee_percent must be between 0 and 100")
	}
	steps, err := ParseCancellationSteps(c.CancellationSteps)
	if err != nil {
		bad("%v", err)
	}
	c.CancellationStepList = steps
	if c.PaymentReminderDayList, err = ParsePaymentReminderDays(c.PaymentReminderDays); err != nil {
		bad("%v", err)
	}
	if c.PaymentReminderMax < 0 || c.PaymentReminderMax > 10 {
		bad("payment_reminder_max must be between 0 (off) and 10")
	}
	if c.WorkerMaxAttempts < 1 || c.WorkerMaxAttempts > 100 {
		bad("worker_max_attempts must be between 1 and 100")
	}
	if c.ReminderDays < 0 || c.ReminderDays > 60 {
		bad("reminder_days must be between 0 (off) and 60")
	}
	if c.DecisionDays < 0 || c.DecisionDays > 365 {
		bad("decision_days must be between 0 (off) and 365")
	}
	if _, err := mail.ParseAddress(c.MailFrom); err != nil {
		bad("mail_from %q is not an e-mail address (like \"Seminare <seminare@example.com>\")", c.MailFrom)
	}
	if c.InvoiceDueDays < 0 {
		bad("invoice_due_days must not be negative")
	}
	if c.SellerName == "" || c.SellerAddress == "" {
		bad("seller_name and seller_address must be set: every invoice names its seller")
	}
	if c.SubstitutionDeadlineHours < 0 {
		bad("substitution_deadline_hours must not be negative")
	}
	switch c.SellerTaxMode {
	case "standard", "kleinunternehmer", "exempt_training":
	default:
		bad("seller_tax_mode %q must be standard, kleinunternehmer or exempt_training", c.SellerTaxMode)
	}
	if s := c.SellerRegistrationScheme; s != "" && !isDigits(s, 4) {
		bad("seller_registration_scheme %q must be an ISO 6523 ICD code of four digits (like 0088) or empty", s)
	}
	if c.SellerVATID == "" && c.SellerTaxNumber == "" {
		bad("seller_vat_id or seller_tax_number must be set: every invoice names one")
	}
	problems = append(problems, c.validateDATEV()...)
	if c.RetentionWaitlistMonths < 1 || c.RetentionInquiryMonths < 1 || c.RetentionMailDays < 1 {
		bad("retention_waitlist_months, retention_inquiry_months and retention_mail_days must be at least 1")
	}
	if c.RetentionBusinessLetterYears < 6 || c.RetentionInvoiceYears < 8 {
		bad("retention_business_letter_years must be at least 6 and retention_invoice_years at least 8 (§ 147 AO)")
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		bad("timezone %q is unknown", c.Timezone)
	}
	c.Location = loc
	if len(problems) > 0 {
		return errors.New("config: " + strings.Join(problems, "; "))
	}
	return nil
}

// StripeEnabled tells whether card/SEPA payment through Stripe Checkout is offered.
func (c Config) StripeEnabled() bool { return c.StripeSecretKey != "" }

// HoldDuration is how long an unpaid card booking keeps its seats.
func (c Config) HoldDuration() time.Duration { return time.Duration(c.HoldMinutes) * time.Minute }

// SubstitutionDeadline is how long before a date attendees can last be replaced.
func (c Config) SubstitutionDeadline() time.Duration {
	return time.Duration(c.SubstitutionDeadlineHours) * time.Hour
}

// IsPostgres tells whether Database names a PostgreSQL server rather than a SQLite file.
func (c Config) IsPostgres() bool { return IsPostgresURL(c.Database) }

// IsPostgresURL tells whether a database setting is a PostgreSQL URL.
func IsPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// isDigits tells whether s is exactly n ASCII digits.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func lookup(environ []string, key string) string {
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}
