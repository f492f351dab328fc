// Package app builds every service of Seminars once, from the configuration: the one wiring
// that main and the tests share. The HTTP server (package web) takes an App and serves it;
// main adds the start-up steps and the listener.
package app

import (
	"io/fs"
	"log/slog"
	"path/filepath"
	"time"

	"seminars"
	"seminars/internal/accounting"
	"seminars/internal/auth"
	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/calendar"
	"seminars/internal/config"
	"seminars/internal/feedback"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/legal"
	"seminars/internal/mail"
	"seminars/internal/payment"
	"seminars/internal/privacy"
	"seminars/internal/secret"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// App is every dependency of the service, each built once (listmonk's App): handlers and
// background jobs take what they need from it.
type App struct {
	Config config.Config
	Store  *store.Store
	Log    *slog.Logger
	// Now is the clock of every service (time.Now in production, a fixed clock in tests).
	Now   func() time.Time
	Files fs.FS // the embedded templates/, static/ and config/
	I18n  *i18n.Catalog

	// Seller issues the documents and signs the mail and the pages' footer.
	Seller invoice.Seller
	// Exports builds the accountant's files (DATEV, ZIP of documents, ZM).
	Exports  *accounting.Exports
	Bookings *booking.Service
	Auth     *auth.Service
	Office   *backoffice.Service
	Waitlist *backoffice.Waitlist
	// PaymentReminders reminds billing contacts of overdue invoices (a background job).
	PaymentReminders *backoffice.PaymentReminders
	Renderer         *invoice.Renderer
	Documents        *invoice.Documents // issued PDFs and XML, stored as bytes
	Mail             *mail.Worker
	// Legal holds the Impressum, privacy notice and terms, rendered once from Markdown.
	Legal *legal.Library
	// Privacy exports and erases a person's data and runs the retention job.
	Privacy *privacy.Service
	// RunDecisions finds the dates below their minimum whose run decision is due.
	RunDecisions *backoffice.RunDecisions
	// Feedback is the survey after a date: consent, the survey mail job, answers and results.
	Feedback *feedback.Service

	// Secrets derives the links that must be shown again; Calendar is the trainer's feed. Both
	// are built by LoadSecrets, after the schema is migrated.
	Secrets  *secret.Keyring
	Calendar *calendar.Service

	// Runner runs the background jobs (see Jobs); JobMetrics are their numbers on /metrics.
	Runner     *worker.Runner
	JobMetrics *worker.Metrics
}

// New builds the services over st on the clock now. It starts nothing: main starts the jobs
// (Jobs) and the HTTP server.
func New(cfg config.Config, st *store.Store, now func() time.Time, log *slog.Logger) (*App, error) {
	catalog, err := i18n.New()
	if err != nil {
		return nil, err
	}
	a := &App{Config: cfg, Store: st, Log: log, Now: now, Files: seminars.Files, I18n: catalog, Seller: Seller(cfg)}
	a.JobMetrics = worker.NewMetrics(st)
	a.Runner = worker.New(st, worker.Settings{MaxAttempts: cfg.WorkerMaxAttempts, Now: now, Log: log, Metrics: a.JobMetrics})
	if a.Legal, err = legal.Load(a.Files, cfg.LegalDir, LegalFacts(cfg)); err != nil {
		return nil, err
	}
	bookingSettings := BookingSettings(cfg)
	bookingSettings.TermsVersion = a.Legal.TermsVersion()
	a.Bookings = booking.New(st, bookingSettings, now, log)
	if cfg.StripeEnabled() {
		a.Bookings.UsePayments(payment.New(paymentConfig(cfg)), paymentSettings(cfg))
	}
	a.Auth = auth.New(st, AuthSettings(cfg), now)
	a.Waitlist = backoffice.NewWaitlist(st, a.Bookings, waitlistSettings(cfg), now, log)
	// The back office offers seats its actions free to the waiting list in the same transaction.
	a.Office = backoffice.New(st, a.Bookings, a.Waitlist, now)
	a.RunDecisions = backoffice.NewRunDecisions(st, runDecisionSettings(cfg))
	a.PaymentReminders = backoffice.NewPaymentReminders(st, PaymentReminderSchedule(cfg), cfg.Location, now)
	a.Renderer = invoice.NewRenderer(catalog, cfg.Location)
	a.Documents = invoice.NewDocuments(st, a.Renderer, now)
	a.Exports = accounting.NewExports(st, a.Documents, exportSettings(cfg), now)
	a.Privacy = privacy.New(st, privacySettings(cfg), now)
	a.Feedback = feedback.New(st, feedbackSettings(cfg), now)
	if a.Mail, err = newMail(a); err != nil {
		return nil, err
	}
	return a, nil
}

// newMail builds the outbox worker that sends mail, and says where mail goes.
func newMail(a *App) (*mail.Worker, error) {
	templates, err := mail.ParseTemplates(a.Files)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(a.Config.DataDir, "mail")
	sender, err := mail.NewSender(a.Config.SMTPURL, dir, a.Config.SMTPConnections)
	if err != nil {
		return nil, err
	}
	if a.Config.SMTPURL == "" {
		a.Log.Info("no SMTP server configured (SEMINARS_SMTP_URL): mail is written as .eml files", "dir", dir)
	} else {
		a.Log.Info("mail goes out through " + sender.String())
	}
	return mail.New(a.Store, sender, templates, a.I18n, mailSettings(a.Config), a.Documents, a.Now, a.Log, a.Runner), nil
}
