package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"runtime/debug"
	"time"

	"seminars"
	"seminars/internal/app"
	"seminars/internal/config"
	"seminars/internal/demo"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/web"
	"seminars/internal/worker"
)

// server is the service under load: its base URL and an owner's admin API token (to create the
// load-test date), and how to stop it.
type server struct {
	BaseURL string
	Token   string
	// WebhookSecret is the server's Stripe webhook secret, to sign events; empty skips them.
	WebhookSecret string
	Stop          func()
	// Login signs in to the back office; Seed adds n bookings of history to a date; SeedCatalogue
	// adds n seminars with bigDatesPer dates each (-big). Both are nil with -url.
	Login         staffLogin
	Seed          func(ctx context.Context, dateID uint, n int) error
	SeedCatalogue func(ctx context.Context, n int) error
	// Backlog says whether the server's outbox holds work that is due (documents, mail); nil
	// with -url. Figures after the bookings wait for it (settle).
	Backlog func(ctx context.Context) (bool, error)
}

// loadWebhookSecret is the in-process server's Stripe webhook secret.
const loadWebhookSecret = "whsec_loadtest"

// startServer runs Seminars in this process exactly as `seminars serve` wires it (config from the
// embedded defaults, app.New, web.New, the background jobs) on a fresh SQLite file in dir with
// the demo catalogue. The booking rate limit is off: every request comes from 127.0.0.1.
// Mail is written as .eml files into dir (no SMTP server), as serve does without one. A
// non-empty database (a postgres:// URL) replaces the SQLite file; env overrides settings.
func startServer(ctx context.Context, dir, database string, now func() time.Time, log *slog.Logger, env ...string) (*server, error) {
	if database == "" {
		database = filepath.Join(dir, "seminars.db")
	}
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(defaults, append([]string{
		"SEMINARS_DATABASE=" + database,
		"SEMINARS_DATA_DIR=" + dir,
		"SEMINARS_DEMO=true",
		"SEMINARS_BOOKING_RATE_LIMIT=0",
		"SEMINARS_ADDR=127.0.0.1:0",
		"SEMINARS_STRIPE_WEBHOOK_SECRET=" + loadWebhookSecret,
	}, env...))
	if err != nil {
		return nil, err
	}
	st, err := store.Connect(ctx, cfg.Database, store.WithClock(now))
	if err != nil {
		return nil, err
	}
	stopped := false
	closeAll := []func(){func() { st.Close() }}
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		for i := len(closeAll) - 1; i >= 0; i-- {
			closeAll[i]()
		}
	}
	fail := func(err error) (*server, error) { stop(); return nil, err }
	a, err := app.New(cfg, st, now, log)
	if err != nil {
		return fail(err)
	}
	err = st.WithStartupLock(ctx, func(ctx context.Context) error {
		if err := st.MigrateLocked(ctx); err != nil {
			return err
		}
		_, err := demo.Seed(ctx, st, now(), cfg.Location)
		return err
	})
	if err != nil {
		return fail(fmt.Errorf("prepare database: %w", err))
	}
	if err := a.LoadSecrets(ctx); err != nil {
		return fail(err)
	}
	token, err := a.Office.CreateAPIToken(ctx, "loadtest", "loadtest", model.RoleOwner)
	if err != nil {
		return fail(fmt.Errorf("api token: %w", err))
	}
	login := newStaffLogin()
	if _, err := a.Auth.EnsureOwner(ctx, login.Email, login.Password); err != nil {
		return fail(fmt.Errorf("owner: %w", err))
	}
	srv, err := web.New(a)
	if err != nil {
		return fail(err)
	}
	a.Runner.GiveWay(worker.NewBackoff(st.UserWrites, time.Now)) // as `seminars serve` does; the real clock even when now is fixed
	closeAll = append(closeAll, a.Runner.Start(ctx, a.Jobs()...))
	debug.FreeOSMemory() // as serve does: the idle RSS is what the server keeps, not start-up garbage
	listener, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fail(err)
	}
	// The same server timeouts as serve.
	httpServer := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	go func() {
		if err := httpServer.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("in-process server", "err", err)
		}
	}()
	closeAll = append(closeAll, func() {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = httpServer.Shutdown(shutdownCtx)
	})
	seed := func(ctx context.Context, dateID uint, n int) error { return seedHistory(ctx, st, dateID, n, now()) }
	seedCatalogue := func(ctx context.Context, n int) error { return seedBigCatalogue(ctx, st, n, now()) }
	return &server{BaseURL: "http://" + listener.Addr().String(), Token: token, WebhookSecret: loadWebhookSecret, Stop: stop,
		Login: login, Seed: seed, SeedCatalogue: seedCatalogue,
		Backlog: func(ctx context.Context) (bool, error) { return backlogOf(ctx, st) }}, nil
}
