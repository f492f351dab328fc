package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"time"

	"seminars/internal/app"
	"seminars/internal/auth"
	"seminars/internal/config"
	"seminars/internal/demo"
	"seminars/internal/invoice"
	"seminars/internal/legal"
	"seminars/internal/store"
	"seminars/internal/web"
	"seminars/internal/worker"
)

// serve runs the web server until ctx is cancelled, then drains requests and closes the database.
func serve(ctx context.Context, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	st, err := store.Connect(ctx, cfg.Database, store.WithClock(time.Now))
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := app.New(cfg, st, time.Now, log)
	if err != nil {
		return err
	}
	warnAboutSeller(a.Seller, log)
	warnAboutLegalPlaceholders(a.Legal, log)
	signIn, err := prepareDatabase(ctx, cfg, st, a.Auth, log)
	if err != nil {
		return err
	}
	if err := a.LoadSecrets(ctx); err != nil {
		return err
	}
	srv, err := web.New(a)
	if err != nil {
		return err
	}
	// PDFs and mails give way to bookings being committed (worker.Backoff).
	a.Runner.GiveWay(worker.NewBackoff(st.UserWrites, time.Now))
	// The jobs stop after the last request (this defer runs after the HTTP shutdown below), so
	// the mail that request caused is in the outbox; what is still pending there is sent at the
	// next start.
	stopJobs := a.Runner.Start(ctx, a.Jobs()...)
	defer stopJobs()
	listener, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	httpServer := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	// Start-up (migrations, the demo seed, parsing templates, catalogues and fonts) leaves
	// garbage several times the size of what the server keeps; hand it back to the OS now
	// rather than over minutes through the scavenger, so an idle server holds what it uses.
	debug.FreeOSMemory()
	go releaseWhenQuiet(ctx)
	printWelcome(stdout, cfg, listener.Addr())
	fmt.Fprintln(stdout, signIn)
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(listener) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// warnAboutSeller logs what the seller settings lack: the service runs, but the documents or
// bookings each warning names are refused or plain EN 16931 until the setting is filled in.
func warnAboutSeller(seller invoice.Seller, log *slog.Logger) {
	for _, w := range seller.Warnings() {
		log.Warn("seller settings: " + w)
	}
}

// warnAboutLegalPlaceholders logs each legal page that still has [[placeholders]]: the shop must
// not go live with an Impressum that says "[[Registernummer]]".
func warnAboutLegalPlaceholders(lib *legal.Library, log *slog.Logger) {
	files := lib.Placeholders()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		log.Warn("legal page still has placeholders; put your own text into legal_dir",
			"file", name, "placeholders", len(files[name]), "first", files[name][0])
	}
}

// prepareDatabase migrates the schema, seeds the demo catalogue on an empty database and creates
// the first admin, all under one hold of the start-up lock: instances starting together on one
// database wait for each other, so the schema is migrated once, one catalogue is seeded and one
// admin created. It returns the sign-in hint for the welcome text.
func prepareDatabase(ctx context.Context, cfg config.Config, st *store.Store, staffAuth *auth.Service, log *slog.Logger) (signIn string, err error) {
	err = st.WithStartupLock(ctx, func(ctx context.Context) error {
		if err := st.MigrateLocked(ctx); err != nil {
			return err
		}
		if cfg.Demo {
			seeded, err := demo.Seed(ctx, st, time.Now(), cfg.Location)
			if err != nil {
				return fmt.Errorf("demo catalogue: %w", err)
			}
			if seeded {
				if err := demo.SeedInhouse(ctx, st, time.Now(), cfg.Location, app.Seller(cfg).Party(), cfg.VATRateBP); err != nil {
					return fmt.Errorf("demo in-house offer: %w", err)
				}
				log.Info("seeded the demo catalogue (turn off with SEMINARS_DEMO=false)")
			}
		}
		signIn, err = ensureAdmin(ctx, cfg, staffAuth, st)
		return err
	})
	return signIn, err
}

func printWelcome(w io.Writer, cfg config.Config, addr net.Addr) {
	fmt.Fprintf(w, "Seminars is running: %s (listening on %s)\n", cfg.BaseURL, addr)
	if cfg.IsPostgres() {
		fmt.Fprintln(w, "Database: PostgreSQL")
	} else {
		fmt.Fprintf(w, "Database: SQLite file %s\n", cfg.Database)
	}
	if !cfg.StripeEnabled() {
		fmt.Fprintln(w, "Payments: invoice only (set SEMINARS_STRIPE_SECRET_KEY for card/SEPA through Stripe Checkout)")
	} else if cfg.StripeWebhookSecret == "" {
		fmt.Fprintln(w, "Payments: Stripe on, but SEMINARS_STRIPE_WEBHOOK_SECRET is empty: payments will never be confirmed")
	} else {
		fmt.Fprintf(w, "Payments: card/SEPA through Stripe Checkout; webhook at %s/webhooks/stripe\n", cfg.BaseURL)
	}
}
