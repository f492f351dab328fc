package main

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"seminars/internal/store/storetest"
)

// TestMeasurePostgres runs the tool with the server on PostgreSQL (skipped without one) for a
// short while per figure. It asserts no timing: only that the peer and the bookings succeeded
// at every client count and that each booking figure is related to the peer before it.
func TestMeasurePostgres(t *testing.T) {
	dsn := storetest.PostgresSchemaURL(t)
	dir := t.TempDir()
	clock := storetest.NewClock(t)
	srv, err := startServer(t.Context(), dir, dsn, clock.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	rep, err := measure(t.Context(), srv, Options{Clients: 8, Duration: 300 * time.Millisecond, Dir: dir, Now: clock.Now, Postgres: dsn}, nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Figure{}
	for _, f := range rep.Figures {
		byName[f.Name] = f
	}
	for _, c := range []string{"8", "64"} {
		for name, baseline := range map[string]string{"postgres_peer_c" + c: "", "postgres_bookings_c" + c: "postgres_peer_c" + c} {
			t.Run(name, func(t *testing.T) {
				f, ok := byName[name]
				if !ok {
					t.Fatalf("figure missing; have %v", rep.Figures)
				}
				if f.Requests == 0 || f.Errors != 0 {
					t.Errorf("%d requests, %d errors (%s)", f.Requests, f.Errors, f.ErrorSample)
				}
				if f.Baseline != baseline || (baseline != "" && f.BaselinePS <= 0) {
					t.Errorf("baseline %q (%v/s), want %q", f.Baseline, f.BaselinePS, baseline)
				}
			})
		}
	}
}
