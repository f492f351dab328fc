package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"seminars"
	"seminars/internal/auth"
	"seminars/internal/booking"
	"seminars/internal/config"
	"seminars/internal/demo"
	"seminars/internal/i18n"
	"seminars/internal/store"
	"seminars/internal/web"
)

// serve runs the web server until ctx is cancelled, then drains requests and closes the database.
func serve(ctx context.Context, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return err
	}
	defer st.Close()
	if cfg.Demo {
		seeded, err := demo.Seed(ctx, st, time.Now(), cfg.Location)
		if err != nil {
			return fmt.Errorf("demo catalogue: %w", err)
		}
		if seeded {
			log.Info("seeded the demo catalogue (turn off with SEMINARS_DEMO=false)")
		}
	}
	staffAuth := auth.New(st, web.AuthSettings(cfg), time.Now)
	signIn, err := ensureAdmin(ctx, cfg, staffAuth, st)
	if err != nil {
		return err
	}
	srv, err := newServer(cfg, st, staffAuth, log)
	if err != nil {
		return err
	}
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
	printWelcome(stdout, cfg, listener.Addr())
	fmt.Fprintln(stdout, signIn)
	stopWaitlist := startWaitlist(ctx, srv.Waitlist(), log)
	defer stopWaitlist()
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

// newServer builds the web server and what it depends on.
func newServer(cfg config.Config, st *store.Store, staffAuth *auth.Service, log *slog.Logger) (*web.Server, error) {
	catalog, err := i18n.New()
	if err != nil {
		return nil, err
	}
	files, err := fs.Sub(seminars.Files, ".")
	if err != nil {
		return nil, err
	}
	bookings := booking.New(st, booking.Settings{
		VATRateBP: cfg.VATRateBP, InvoicePayment: cfg.InvoicePayment,
		HoldDuration: cfg.HoldDuration(), MaxAttendees: cfg.MaxAttendees,
	}, time.Now, log)
	return web.New(web.Deps{
		Config: cfg, Store: st, Bookings: bookings, Auth: staffAuth, I18n: catalog, Files: files, Log: log, Now: time.Now,
	})
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
	}
}
