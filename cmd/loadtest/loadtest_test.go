package main

import (
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/store/storetest"
)

// TestMeasureInProcess runs the tool's core for about a second per figure against the
// in-process server. It asserts no timing: only that every request succeeded (bookings
// confirmed) and that the JSON carries every figure, the related ones with their baseline.
func TestMeasureInProcess(t *testing.T) {
	dir := t.TempDir()
	clock := storetest.NewClock(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := startServer(t.Context(), dir, "", clock.Now, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	rss := startRSSSampler(20 * time.Millisecond)
	t.Cleanup(rss.stop)
	profiles := t.TempDir()
	ctx := withObserver(t.Context(), &observer{rss: rss, profileDir: profiles})
	// The mail drain with a burst of 40 bookings (80 messages: more than one batch).
	mailOpts := MailOptions{Bookings: 40, Connections: 4, Timeout: 2 * time.Minute, Start: inProcessMail(dir, 4, clock.Now, log, srv.Stop)}
	rep, err := measure(ctx, srv, Options{Clients: 8, Duration: time.Second, Dir: dir, Now: clock.Now, Mail: mailOpts, DashboardBookings: 2000, Big: 30}, nil)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "figures.json")
	if err := writeJSON(file, rep); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var got Report
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("JSON: %v\n%s", err, raw)
	}
	byName := map[string]Figure{}
	for _, f := range got.Figures {
		byName[f.Name] = f
	}
	baselines := map[string]string{figCatalogue: figHealthz, figSeminarsAPI: figHealthz, figSeminar: figHealthz,
		figWebhooks: figHealthz, figBookings: figBareLoop, figMailDrain: figSMTPRaw, figDashboard: figHealthz,
		figCatalogueStorm: figHealthz,
		figBigCatalog:     figBigHealthz, figBigAPI: figBigHealthz, figBigAPIPaged: figBigHealthz}
	for _, name := range append(append([]string{}, allFigures...), bigFigures...) {
		t.Run(name, func(t *testing.T) {
			f, ok := byName[name]
			if !ok {
				t.Fatalf("figure missing from the JSON:\n%s", raw)
			}
			if f.Requests == 0 || f.Errors != 0 {
				t.Errorf("%d requests, %d errors (%s)", f.Requests, f.Errors, f.ErrorSample)
			}
			if want := baselines[name]; f.Baseline != want || (want != "" && f.BaselinePS <= 0) {
				t.Errorf("baseline %q (%v/s), want %q", f.Baseline, f.BaselinePS, want)
			}
			if f.PeakRSSMiB <= 0 {
				t.Errorf("no peak RSS")
			}
			if info, err := os.Stat(filepath.Join(profiles, name+".cpu")); err != nil || info.Size() == 0 {
				t.Errorf("no CPU profile: %v", err)
			}
			if name == figHealthzStorm || name == figCatalogueStorm {
				// The storm's bookings ran beside it, and the page cache's counters were read.
				_, renders := f.Extra["renders"]
				_, stale := f.Extra["stale_answers"]
				if f.Extra["bookings_per_s"] <= 0 || !renders || !stale {
					t.Errorf("storm extras %v: want bookings_per_s > 0, renders and stale_answers", f.Extra)
				}
			}
		})
	}
	var out strings.Builder
	printReport(&out, got)
	for _, name := range allFigures {
		if !strings.Contains(out.String(), name) {
			t.Errorf("the printed report lacks %s:\n%s", name, out.String())
		}
	}
}
