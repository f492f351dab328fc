package app

import (
	"time"

	"seminars/internal/accounting"
	"seminars/internal/auth"
	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/config"
	"seminars/internal/feedback"
	"seminars/internal/invoice"
	"seminars/internal/legal"
	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/privacy"
)

// This file is the one place where the configuration becomes each package's settings; the
// packages themselves never see config.Config (web keeps it for what only HTTP needs).

// Seller is who issues the documents and signs the mail, as configured (seller_* settings).
func Seller(cfg config.Config) invoice.Seller {
	street, postalCode, city := invoice.ParseAddress(cfg.SellerAddress)
	return invoice.Seller{
		Name: cfg.SellerName, Street: street, PostalCode: postalCode, City: city, Country: "DE",
		VATID: cfg.SellerVATID, TaxNumber: cfg.SellerTaxNumber, Email: cfg.SellerEmail, Phone: cfg.SellerPhone,
		IBAN: cfg.SellerIBAN, BIC: cfg.SellerBIC, Bank: cfg.SellerBank,
		TaxMode: cfg.SellerTaxMode, RegistrationID: cfg.SellerRegistrationID, RegistrationScheme: cfg.SellerRegistrationScheme,
		DueDays: cfg.InvoiceDueDays, Currency: cfg.Currency, Location: cfg.Location,
	}
}

// LegalFacts are the settings the legal pages show: who sells, and how long data is kept.
func LegalFacts(cfg config.Config) legal.Facts {
	return legal.Facts{
		Seller: legal.Seller{
			Name: cfg.SellerName, Address: cfg.SellerAddress, Email: cfg.SellerEmail, Phone: cfg.SellerPhone,
			VATID: cfg.SellerVATID, TaxNumber: cfg.SellerTaxNumber,
		},
		Retention: legal.Retention{
			WaitlistMonths: cfg.RetentionWaitlistMonths, InquiryMonths: cfg.RetentionInquiryMonths,
			MailDays: cfg.RetentionMailDays, BusinessLetterYears: cfg.RetentionBusinessLetterYears,
			InvoiceYears: cfg.RetentionInvoiceYears, SessionHours: cfg.SessionMaxHours,
		},
		Stripe: cfg.StripeEnabled(),
	}
}

// CancellationPolicy is the policy of the settings cancellation_free_days and
// cancellation_fee_percent, or of cancellation_steps when set, its days counted in the service's
// time zone.
func CancellationPolicy(cfg config.Config) model.CancellationPolicy {
	if len(cfg.CancellationStepList) == 0 {
		return model.CancellationPolicy{FreeDays: cfg.CancellationFreeDays, FeePercent: cfg.CancellationFeePercent, Location: cfg.Location}
	}
	// Validate made the list start free, fall in days and rise in fees. A run of entries with
	// the same fee is one period reaching to the run's last day count.
	var runs []config.CancellationStep
	for _, step := range cfg.CancellationStepList {
		if n := len(runs); n > 0 && runs[n-1].Percent == step.Percent {
			runs[n-1].Days = step.Days
			continue
		}
		runs = append(runs, step)
	}
	policy := model.CancellationPolicy{FreeDays: runs[0].Days, Location: cfg.Location}
	if len(runs) > 1 {
		policy.FeePercent = runs[1].Percent
	}
	for i := 2; i < len(runs); i++ {
		// runs[i]'s fee applies once fewer days are left than the period before it reaches to.
		policy.Steps = append(policy.Steps, model.CancellationStep{Within: runs[i-1].Days, Percent: runs[i].Percent})
	}
	return policy
}

// BookingSettings are the booking rules; the cancellation policy applies whatever the payment
// method.
func BookingSettings(cfg config.Config) booking.Settings {
	return booking.Settings{
		VATRateBP: cfg.VATRateBP, InvoicePayment: cfg.InvoicePayment,
		HoldDuration: cfg.HoldDuration(), MaxAttendees: cfg.MaxAttendees,
		Seller: Seller(cfg), SubstitutionDeadline: cfg.SubstitutionDeadline(),
		Cancellation:  CancellationPolicy(cfg),
		GroupDiscount: model.GroupRule{FromSeat: cfg.GroupDiscountFromSeat, PercentBP: cfg.GroupDiscountPercentBP},
	}
}

// paymentConfig and paymentSettings are card payment through Stripe Checkout (only when a
// Stripe key is set).
func paymentConfig(cfg config.Config) payment.Config {
	return payment.Config{SecretKey: cfg.StripeSecretKey, APIURL: cfg.StripeAPIURL}
}

func paymentSettings(cfg config.Config) booking.PaymentSettings {
	return booking.PaymentSettings{BaseURL: cfg.BaseURL, Currency: cfg.Currency, Location: cfg.Location}
}

// AuthSettings are the sign-in settings; unset values keep auth's defaults.
func AuthSettings(cfg config.Config) auth.Settings {
	s := auth.DefaultSettings()
	if cfg.SessionIdleMinutes > 0 {
		s.IdleTimeout = time.Duration(cfg.SessionIdleMinutes) * time.Minute
	}
	if cfg.SignInConcurrentChecks > 0 {
		s.MaxConcurrentChecks = cfg.SignInConcurrentChecks
	}
	if cfg.SessionMaxHours > 0 {
		s.AbsoluteTimeout = time.Duration(cfg.SessionMaxHours) * time.Hour
	}
	s.RequireTOTP = cfg.RequireTOTP
	if cfg.SellerName != "" {
		s.TOTPIssuer = cfg.SellerName // how the account is named in the authenticator app
	}
	return s
}

// waitlistSettings shape the waiting list: offers last waitlist_offer_hours, for at most as many
// seats as one booking may take.
func waitlistSettings(cfg config.Config) backoffice.WaitlistSettings {
	return backoffice.WaitlistSettings{
		OfferDuration: time.Duration(cfg.WaitlistOfferHours) * time.Hour, BaseURL: cfg.BaseURL, MaxSeats: cfg.MaxAttendees,
	}
}

// runDecisionSettings are the run decision's: decision_days before a date below its minimum.
func runDecisionSettings(cfg config.Config) backoffice.RunDecisionSettings {
	return backoffice.RunDecisionSettings{Days: cfg.DecisionDays}
}

// feedbackSettings are the survey's: feedback_days after a date's end.
func feedbackSettings(cfg config.Config) feedback.Settings {
	return feedback.Settings{Days: cfg.FeedbackDays}
}

// mailSettings are what the messages depend on.
func mailSettings(cfg config.Config) mail.Settings {
	return mail.Settings{
		From: cfg.MailFrom, BaseURL: cfg.BaseURL, Location: cfg.Location, InvoiceDueDays: cfg.InvoiceDueDays,
		ReminderDays: cfg.ReminderDays, Seller: Seller(cfg), TrainerName: cfg.TrainerName,
		Cancellation: CancellationPolicy(cfg),
	}
}

// exportSettings are the accountant's export settings (datev_* in config/seminars.yaml).
func exportSettings(cfg config.Config) accounting.Settings {
	return accounting.Settings{
		ConsultantNumber: cfg.DATEVConsultantNumber, ClientNumber: cfg.DATEVClientNumber,
		Chart: cfg.DATEVChart, AccountLength: cfg.DATEVAccountLength,
		FiscalYearStartMonth: cfg.DATEVFiscalYearStartMonth, DebtorAccount: cfg.DATEVDebtorAccount,
		DateBasis: cfg.DATEVDateBasis, Location: cfg.Location,
		RevenueAccounts: map[model.TaxTreatment]int{
			model.TaxStandard: cfg.DATEVRevenueStandard, model.TaxReverseCharge: cfg.DATEVRevenueReverseCharge,
			model.TaxNotTaxable: cfg.DATEVRevenueNotTaxable, model.TaxExemptTraining: cfg.DATEVRevenueExemptTraining,
			model.TaxKleinunternehmer: cfg.DATEVRevenueKleinunternehmer,
		},
	}
}

// PaymentReminderSchedule is when overdue invoices are reminded of: payment_reminder_days after
// the due date, at most payment_reminder_max times.
func PaymentReminderSchedule(cfg config.Config) model.ReminderSchedule {
	return model.ReminderSchedule{Days: cfg.PaymentReminderDayList, Max: cfg.PaymentReminderMax}
}

// privacySettings are the retention periods (retention_* settings) and, for sessions and
// sign-in failures, the sign-in settings that already bound how long those are needed.
func privacySettings(cfg config.Config) privacy.Settings {
	signIn := AuthSettings(cfg)
	return privacy.Settings{
		WaitlistMonths: cfg.RetentionWaitlistMonths, InquiryMonths: cfg.RetentionInquiryMonths,
		MailDays: cfg.RetentionMailDays, BusinessLetterYears: cfg.RetentionBusinessLetterYears,
		InvoiceYears: cfg.RetentionInvoiceYears, SessionIdle: signIn.IdleTimeout, SignInWindow: signIn.FailureWindow,
		Location: cfg.Location,
	}
}
