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

// TestMedianFigure: the summed-up figure of rounds is the median of each value and of the
// rounds' ratios (not the ratio of the medians), with the spread.
func TestMedianFigure(t *testing.T) {
	rounds := []Figure{
		{Name: "b", PerSecond: 100, BaselinePS: 400, Ratio: 0.25, Baseline: "p", Requests: 10, Errors: 1},
		{Name: "b", PerSecond: 300, BaselinePS: 200, Ratio: 1.5, Baseline: "p", Requests: 30},
		{Name: "b", PerSecond: 200, BaselinePS: 300, Ratio: 0.6, Baseline: "p", Requests: 20},
	}
	f := medianFigure("b", rounds)
	if f.PerSecond != 200 || f.BaselinePS != 300 || f.Ratio != 0.6 || f.Requests != 60 || f.Errors != 1 || f.Baseline != "p" {
		t.Errorf("median figure %+v", f)
	}
	if f.Extra["ratio_min"] != 0.25 || f.Extra["ratio_max"] != 1.5 || f.Extra["per_second_min"] != 100 || f.Extra["rounds"] != 3 {
		t.Errorf("spread %v", f.Extra)
	}
}

// TestMeasurePostgresOnlyRounds runs -postgres-only for two short rounds: every round's figures
// and the medians are there, each booking figure related to its peer.
func TestMeasurePostgresOnlyRounds(t *testing.T) {
	dsn := storetest.PostgresSchemaURL(t)
	dir := t.TempDir()
	clock := storetest.NewClock(t)
	srv, err := startServer(t.Context(), dir, dsn, clock.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	rep, err := measurePostgresOnly(t.Context(), srv, Options{Clients: 8, Duration: 200 * time.Millisecond, Dir: dir, Now: clock.Now, Postgres: dsn, Rounds: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Figure{}
	for _, f := range rep.Figures {
		byName[f.Name] = f
	}
	for _, suffix := range []string{"_r1", "_r2", ""} {
		for _, c := range []string{"8", "64"} {
			name := "postgres_bookings_c" + c + suffix
			if f, ok := byName[name]; !ok || f.Requests == 0 || f.Errors != 0 || f.Baseline != "postgres_peer_c"+c || f.Ratio <= 0 {
				t.Errorf("%s: %+v (present %v)", name, f, ok)
			}
			if _, ok := byName["postgres_peer_c"+c+suffix]; !ok {
				t.Errorf("postgres_peer_c%s%s missing", c, suffix)
			}
		}
	}
}
