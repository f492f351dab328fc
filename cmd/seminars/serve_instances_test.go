package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // database/sql driver "sqlite3", to count rows in the SQLite file

	"seminars/internal/demo"
)

// runMainEnv makes the test binary act as the seminars command, so a test can start real
// `seminars serve` processes without building the command first.
const runMainEnv = "SEMINARS_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Environ(), os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// TestServeInstancesStartTogether starts three `seminars serve` processes at the same moment on
// one empty database, as a rolling deploy or `docker compose up --scale` does (on PostgreSQL; on
// SQLite, processes sharing one file): all three must become healthy, and the start-up lock must
// let exactly one of them migrate, seed the demo catalogue and create the first admin.
func TestServeInstancesStartTogether(t *testing.T) {
	cases := []struct {
		name     string
		driver   string
		database func(t *testing.T) string
	}{
		{"postgres", "pgx", postgresSchemaURL},
		{"sqlite", "sqlite3", func(t *testing.T) string { return filepath.Join(t.TempDir(), "seminars.db") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { startInstancesTogether(t, tc.driver, tc.database(t)) })
	}
}

func startInstancesTogether(t *testing.T, driver, database string) {
	const instances = 3
	type instance struct {
		addr   string
		cmd    *exec.Cmd
		stderr *syncBuffer
		exited chan error // receives Wait's result once the process ends
	}
	var all []instance
	for range instances {
		addr := freeAddr(t)
		cmd := exec.Command(os.Args[0], "serve")
		stderr := &syncBuffer{}
		cmd.Stdout, cmd.Stderr = &syncBuffer{}, stderr
		cmd.Env = append(os.Environ(), runMainEnv+"=1",
			"SEMINARS_ADDR="+addr, "SEMINARS_BASE_URL=http://"+addr, "SEMINARS_DATABASE="+database,
			"SEMINARS_DATA_DIR="+t.TempDir(), "SEMINARS_DEMO=true",
			"SEMINARS_ADMIN_EMAIL=owner@example.com", "SEMINARS_ADMIN_PASSWORD=correct horse battery staple",
		)
		all = append(all, instance{addr: addr, cmd: cmd, stderr: stderr, exited: make(chan error, 1)})
	}
	for _, in := range all {
		if err := in.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { in.exited <- in.cmd.Wait() }()
	}
	t.Cleanup(func() {
		for _, in := range all {
			_ = in.cmd.Process.Kill() // harmless once the process has ended
		}
	})
	for i, in := range all {
		if err := waitHealthy(in.addr, in.exited); err != nil {
			t.Fatalf("instance %d never became healthy: %v\n%s", i, err, in.stderr.String())
		}
	}

	db, err := sql.Open(driver, database)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	wantSeminars := len(demo.Catalogue(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), berlin))
	counts := []struct {
		what  string
		query string
		want  int
	}{
		{"demo seminars", "SELECT count(*) FROM seminars", wantSeminars},
		{"admins", "SELECT count(*) FROM staff_users", 1},
		{"baseline migration records", "SELECT count(*) FROM migrations WHERE id = '0001_baseline'", 1},
	}
	for _, c := range counts {
		var n int
		if err := db.QueryRow(c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if n != c.want {
			t.Errorf("%s: %d, want %d", c.what, n, c.want)
		}
	}

	for i, in := range all {
		_ = in.cmd.Process.Signal(os.Interrupt)
		if err := <-in.exited; err != nil {
			t.Errorf("instance %d did not stop cleanly: %v\n%s", i, err, in.stderr.String())
		}
	}
}

// waitHealthy polls /healthz until it answers 200, or the process ends, or a minute passes (a
// deadline for a hung start-up on a busy machine, not a timing assertion).
func waitHealthy(addr string, exited chan error) error {
	deadline := time.After(time.Minute)
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		select {
		case exitErr := <-exited:
			exited <- exitErr // for the caller that waits for the end
			return fmt.Errorf("process exited (%v): %v", exitErr, err)
		case <-deadline:
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}
