package app_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/store/storetest"
)

// TestSecretKey: where the server secret comes from on each database, and that it is the same
// at every start.
func TestSecretKey(t *testing.T) {
	ctx := context.Background()
	t.Run("configured key wins", func(t *testing.T) {
		dir := t.TempDir()
		cfg := apptest.Config(t, "SEMINARS_DATA_DIR="+dir, "SEMINARS_SECRET_KEY=configured-key-0123456789abcdefghij")
		key, err := app.SecretKey(ctx, cfg, storetest.SQLite(t))
		if err != nil || key != "configured-key-0123456789abcdefghij" {
			t.Fatalf("key %q, %v", key, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "secret_key")); !os.IsNotExist(err) {
			t.Fatal("a configured key was written to the data folder")
		}
	})
	t.Run("SQLite keeps a generated key in the data folder", func(t *testing.T) {
		dir := t.TempDir()
		cfg := apptest.Config(t, "SEMINARS_DATA_DIR="+dir, "SEMINARS_SECRET_KEY=")
		st := storetest.SQLite(t)
		first, err := app.SecretKey(ctx, cfg, st)
		if err != nil {
			t.Fatal(err)
		}
		second, _ := app.SecretKey(ctx, cfg, st)
		if first != second {
			t.Fatal("the generated key changed between two starts")
		}
		if raw, err := os.ReadFile(filepath.Join(dir, "secret_key")); err != nil || string(raw) != first+"\n" {
			t.Fatalf("data_dir/secret_key: %q, %v", raw, err)
		}
	})
	t.Run("PostgreSQL instances share one key through the database", func(t *testing.T) {
		st := storetest.Postgres(t) // skips when no PostgreSQL answers
		url := storetest.PostgresURL()
		keys := make([]string, 4)
		var wg sync.WaitGroup
		for i := range keys {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Each instance has its own data folder: the key must not come from there.
				cfg := apptest.Config(t, "SEMINARS_DATABASE="+url, "SEMINARS_DATA_DIR="+t.TempDir(), "SEMINARS_SECRET_KEY=")
				key, err := app.SecretKey(ctx, cfg, st)
				if err != nil {
					t.Error(err)
				}
				keys[i] = key
			}()
		}
		wg.Wait()
		for _, k := range keys {
			if k == "" || k != keys[0] {
				t.Fatalf("instances disagree on the key: %q", keys)
			}
		}
	})
}
