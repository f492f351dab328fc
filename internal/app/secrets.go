package app

import (
	"context"
	"fmt"
	"path/filepath"

	"seminars/internal/calendar"
	"seminars/internal/config"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// LoadSecrets finds the server secret (SecretKey) and builds what derives links from it: the
// keyring, the manage links and the trainer's calendar feed. It needs the migrated schema, so main calls it after
// the start-up steps; the HTTP server refuses to start without it.
func (a *App) LoadSecrets(ctx context.Context) error {
	key, err := SecretKey(ctx, a.Config, a.Store)
	if err != nil {
		return err
	}
	if a.Secrets, err = secret.New(key); err != nil {
		return err
	}
	a.Bookings.UseSecrets(a.Secrets) // manage links are derived from now on
	a.Auth.UseSecrets(a.Secrets)     // TOTP secrets are sealed with a key derived from it
	a.Calendar = calendar.New(a.Store, a.Secrets, a.I18n, CalendarSettings(a.Config), a.Now)
	return nil
}

// SecretKey returns the server secret: the configured secret_key when set; otherwise one
// generated on first start and kept for every later one — in data_dir/secret_key with SQLite
// (the database and the data folder live on one machine), in the database with PostgreSQL, where
// several instances on several machines share the database but not a data folder, and must agree
// on the key or a link one instance shows would be refused by the next. The database row is
// written insert-if-absent, so instances starting together read back one key without needing the
// start-up lock. Operators who keep the database's backups less safe than its secrets set
// secret_key instead (docs/seminar-craft.md).
func SecretKey(ctx context.Context, cfg config.Config, st *store.Store) (string, error) {
	if cfg.SecretKey != "" {
		return cfg.SecretKey, nil
	}
	if !cfg.IsPostgres() {
		return secret.LoadOrCreateFile(filepath.Join(cfg.DataDir, "secret_key"))
	}
	generated, err := secret.Generate()
	if err != nil {
		return "", err
	}
	var key string
	err = st.WithTx(ctx, func(tx *store.Tx) (err error) {
		key, err = tx.SettingOnce(ctx, model.SettingSecretKey, generated)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("secret_key: %w", err)
	}
	return key, nil
}

// CalendarSettings maps the configuration to the calendar feed's settings.
func CalendarSettings(cfg config.Config) calendar.Settings {
	return calendar.Settings{BaseURL: cfg.BaseURL, Location: cfg.Location, Language: "de"}
}
