package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"seminars/internal/store/storetest"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test to share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}
func (b *syncBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.buf.String() }

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// postgresSchemaURL is storetest.PostgresSchemaURL for the tables of serve tests.
func postgresSchemaURL(t *testing.T) string { return storetest.PostgresSchemaURL(t) }

// TestServeRunsWithDemoCatalogue starts the real command on SQLite and on PostgreSQL, as a user
// would with `go run ./cmd/seminars`, and checks it answers with the demo catalogue and stops
// cleanly.
func TestServeRunsWithDemoCatalogue(t *testing.T) {
	cases := []struct {
		name     string
		database func(t *testing.T) string
		wantLine string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "data", "seminars.db") }, "Database: SQLite file"},
		{"postgres", postgresSchemaURL, "Database: PostgreSQL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			addr := freeAddr(t)
			env := []string{"SEMINARS_ADDR=" + addr, "SEMINARS_DATABASE=" + tc.database(t), "SEMINARS_BASE_URL=http://" + addr}
			ctx, cancel := context.WithCancel(context.Background())
			var stdout, stderr syncBuffer
			done := make(chan int, 1)
			go func() { done <- run(ctx, nil, env, &stdout, &stderr) }()
			var resp *http.Response
			var err error
			for range 200 {
				if resp, err = http.Get("http://" + addr + "/api/v1/seminars"); err == nil {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			if err != nil {
				cancel()
				t.Fatalf("server never answered: %v\n%s", err, stderr.String())
			}
			var body struct {
				Seminars []struct{ Functions []string }
			}
			_ = json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			functions := map[string]bool{}
			for _, s := range body.Seminars {
				for _, f := range s.Functions {
					functions[f] = true
				}
			}
			if len(body.Seminars) < 8 || len(functions) <= 5 {
				t.Errorf("demo catalogue has %d seminars over %d functions", len(body.Seminars), len(functions))
			}
			cancel()
			if code := <-done; code != 0 {
				t.Fatalf("exit code %d: %s", code, stderr.String())
			}
			out := stdout.String()
			if !strings.Contains(out, "http://"+addr) || !strings.Contains(out, tc.wantLine) {
				t.Fatalf("start-up output: %s", out)
			}
			// the default settings have no seller phone: start-up says XRechnung is off
			if logs := stderr.String() + out; !strings.Contains(logs, "seller settings: seller_phone or seller_email is empty") {
				t.Errorf("start-up does not warn about the missing seller phone:\n%s", logs)
			}
			// the default legal pages carry [[placeholders]]: start-up names each file
			for _, file := range []string{"impressum.de.md", "datenschutz.en.md", "teilnahmebedingungen.de.md"} {
				if logs := stderr.String() + out; !strings.Contains(logs, "legal page still has placeholders") || !strings.Contains(logs, file) {
					t.Errorf("start-up does not warn about the placeholders in %s", file)
				}
			}
		})
	}
}

func TestCommandErrors(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		env      []string
		wantCode int
		wantErr  string
	}{
		{"unknown command", []string{"frobnicate"}, nil, 2, "unknown command"},
		{"usage names user passwd", []string{"frobnicate"}, nil, 2, "user passwd --email E < passwordfile"},
		{"invalid setting", nil, []string{"SEMINARS_BASE_URL=nope"}, 2, "base_url"},
		{"backup without a file", []string{"backup"}, nil, 1, "usage: seminars backup FILE"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := append([]string{"SEMINARS_DATABASE=" + filepath.Join(t.TempDir(), "s.db")}, tc.env...)
			var stdout, stderr syncBuffer
			code := run(context.Background(), tc.args, env, &stdout, &stderr)
			if code != tc.wantCode || !strings.Contains(stderr.String(), tc.wantErr) {
				t.Fatalf("code %d, stderr %q", code, stderr.String())
			}
		})
	}
}

func TestMigrateAndBackup(t *testing.T) {
	dir := t.TempDir()
	env := []string{"SEMINARS_DATABASE=" + filepath.Join(dir, "s.db")}
	var stdout, stderr syncBuffer
	if code := run(context.Background(), []string{"migrate"}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("migrate: %d %s", code, stderr.String())
	}
	copyPath := filepath.Join(dir, "copy.db")
	if code := run(context.Background(), []string{"backup", copyPath}, env, &stdout, &stderr); code != 0 {
		t.Fatalf("backup: %d %s", code, stderr.String())
	}
	if info, err := os.Stat(copyPath); err != nil || info.Size() == 0 {
		t.Fatalf("backup file: %v", err)
	}
	// The copy is a working database.
	if code := run(context.Background(), []string{"migrate"}, []string{"SEMINARS_DATABASE=" + copyPath}, &stdout, &stderr); code != 0 {
		t.Fatalf("migrate the copy: %s", stderr.String())
	}
}

func TestVoucherCommands(t *testing.T) {
	env := []string{"SEMINARS_DATABASE=" + filepath.Join(t.TempDir(), "s.db")}
	cases := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{"percent voucher", []string{"voucher", "create", "--code", "sommer26", "--percent", "10", "--max-uses", "5", "--until", "2027-06-30"}, 0, "voucher SOMMER26 created"},
		{"fixed voucher", []string{"voucher", "create", "--code", "TREUE", "--amount", "5000"}, 0, "voucher TREUE created"},
		{"duplicate code", []string{"voucher", "create", "--code", "Sommer26", "--percent", "5"}, 1, "exists already"},
		{"both kinds", []string{"voucher", "create", "--code", "X", "--percent", "5", "--amount", "100"}, 1, "either a percentage or an amount"},
		{"bad date", []string{"voucher", "create", "--code", "Y", "--percent", "5", "--until", "30.06.2027"}, 1, "YYYY-MM-DD"},
		{"unknown seminar", []string{"voucher", "create", "--code", "Z", "--percent", "5", "--seminar", "nope"}, 1, "not found"},
		{"list", []string{"voucher", "list"}, 0, "SOMMER26  10.00 %"},
		{"list shows the last valid day", []string{"voucher", "list"}, 0, "0/5   2027-06-30"},
		{"negative amount", []string{"voucher", "create", "--code", "NEG", "--amount", "-100"}, 1, "--amount: Please give an amount"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr syncBuffer
			code := run(context.Background(), tc.args, env, &stdout, &stderr)
			if code != tc.wantCode || !strings.Contains(stdout.String()+stderr.String(), tc.wantOut) {
				t.Fatalf("code %d, out %q, err %q", code, stdout.String(), stderr.String())
			}
		})
	}
}
