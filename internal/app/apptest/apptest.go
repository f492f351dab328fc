// Package apptest builds the app for tests exactly as main does (app.New), on the embedded
// default configuration: the one test harness of the HTTP layer and of the commands.
package apptest

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"seminars"
	"seminars/internal/app"
	"seminars/internal/config"
	"seminars/internal/store"
)

// TestSecretKey is the server secret of Config, so tests derive the same links the app shows.
const TestSecretKey = "apptest-secret-key-0123456789abcdef"

// Config is the embedded default configuration with test overrides (KEY=VALUE, as
// environment variables). The booking rate limit is off unless a test sets it, as tests book
// from one address many times.
func Config(t testing.TB, env ...string) config.Config {
	t.Helper()
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	env = append([]string{"SEMINARS_BOOKING_RATE_LIMIT=0", "SEMINARS_DATABASE=unused",
		"SEMINARS_SECRET_KEY=" + TestSecretKey,
		// Without SMTP the service writes .eml files under data_dir: keep them out of the tree.
		"SEMINARS_DATA_DIR=" + t.TempDir(),
		// Small uploads keep the material tests' files small and the upload routes' own body
		// limit below the 70 KiB the API conformance test sends as "too large".
		"SEMINARS_MATERIAL_MAX_BYTES=32768"}, env...)
	cfg, err := config.Load(defaults, env)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// New builds the app over st with cfg, on the store's clock (so what the services stamp agrees
// with what the store writes), logging nowhere.
func New(t testing.TB, st *store.Store, cfg config.Config) *app.App {
	t.Helper()
	return NewWith(t, st, cfg, st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

// NewWith is New on another clock or logger.
func NewWith(t testing.TB, st *store.Store, cfg config.Config, now func() time.Time, log *slog.Logger) *app.App {
	t.Helper()
	a, err := app.New(cfg, st, now, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.LoadSecrets(t.Context()); err != nil {
		t.Fatal(err)
	}
	return a
}
