package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver to create and drop schemas
)

var update = flag.Bool("update", false, "rewrite the schema snapshots in testdata from the migrations")

// testDSNs are the two dialects' fresh, empty databases: a new SQLite file and a new PostgreSQL
// schema (dropped when the test ends). storetest cannot be used here: it imports this package.
var testDSNs = []struct {
	name string
	dsn  func(t *testing.T) string
}{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "schema.db") }},
	{"postgres", emptyPostgresSchema},
}

func emptyPostgresSchema(t *testing.T) string {
	t.Helper()
	base := os.Getenv("SEMINARS_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL at %s is required under CI: %v", base, err)
		}
		t.Skipf("PostgreSQL at %s not reachable: %v", base, err)
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	schema := "schema_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE"); _ = admin.Close() })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestSchemaSnapshot migrates an empty database on each dialect and compares the schema with the
// committed snapshot, so any change to the schema shows up in review as a change to
// testdata/schema.<dialect>.txt. Rewrite the snapshots with `go test ./internal/store -run
// TestSchemaSnapshot -update` after adding a migration step.
func TestSchemaSnapshot(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Open(context.Background(), db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			got, err := dumpSchema(st.write)
			if err != nil {
				t.Fatal(err)
			}
			compareSnapshot(t, filepath.Join("testdata", "schema."+db.name+".txt"), got)
		})
	}
}

func compareSnapshot(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("schema differs from %s (after a new migration step, rerun with -update and review the diff):\n%s", path, lineDiff(string(want), got))
	}
}
