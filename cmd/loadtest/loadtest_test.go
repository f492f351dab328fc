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

// TestMeasure runs the tool's core for about a second per figure against a server it starts:
// in this process, and as a child process (the seminars binary built from this module). It
// asserts no timing: only that every request succeeded (bookings confirmed), that the JSON
// carries every figure with the server's peak RSS, the related ones with their baseline, and
// (in-process) a CPU profile per figure.
func TestMeasure(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cases := []struct {
		name  string
		start func(t *testing.T, dir string, now func() time.Time) (*server, *observer, MailOptions)
	}{
		{"in-process", func(t *testing.T, dir string, now func() time.Time) (*server, *observer, MailOptions) {
			srv, err := startServer(t.Context(), dir, "", now, log)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(srv.Stop)
			obs := &observer{rss: startRSSSampler(20*time.Millisecond, func() int { return 0 }), profileDir: t.TempDir()}
			return srv, obs, MailOptions{Start: inProcessMail(dir, 4, now, log, srv.Stop)}
		}},
		{"child process", func(t *testing.T, dir string, _ func() time.Time) (*server, *observer, MailOptions) {
			binary, err := buildServer(t.Context(), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			kids := &children{binary: binary}
			srv, err := kids.start(t.Context(), dir, "")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(srv.Stop)
			return srv, &observer{rss: startRSSSampler(20*time.Millisecond, kids.currentPID)}, MailOptions{Start: childMail(kids, dir, 4, srv.Stop)}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The child serves on the machine's clock (a process of its own takes no test clock), so
			// the tool's dates must be stamped by the same clock to lie in the child's future.
			now := storetest.NewClock(t).Now
			if c.name == "child process" {
				now = time.Now
			}
			measureAndCheck(t, t.TempDir(), now, c.start)
		})
	}
}

func measureAndCheck(t *testing.T, dir string, now func() time.Time, start func(*testing.T, string, func() time.Time) (*server, *observer, MailOptions)) {
	srv, obs, mailOpts := start(t, dir, now)
	t.Cleanup(obs.rss.stop)
	ctx := withObserver(t.Context(), obs)
	// The mail drain with a burst of 40 bookings (80 messages: more than one batch).
	mailOpts.Bookings, mailOpts.Connections, mailOpts.Timeout = 40, 4, 2*time.Minute
	rep, err := measure(ctx, srv, Options{Clients: 8, Duration: time.Second, Dir: dir, Now: now, Mail: mailOpts, DashboardBookings: 2000, Big: 30}, nil)
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
			if f.PeakRSSAnonMiB <= 0 || f.PeakRSSFileMiB <= 0 || f.PeakRSSAnonMiB+f.PeakRSSFileMiB > f.PeakRSSMiB+0.01 {
				t.Errorf("peak RSS %.1f MiB is not its anonymous %.1f + file %.1f MiB", f.PeakRSSMiB, f.PeakRSSAnonMiB, f.PeakRSSFileMiB)
			}
			if obs.profileDir == "" {
				return
			}
			if info, err := os.Stat(filepath.Join(obs.profileDir, name+".cpu")); err != nil || info.Size() == 0 {
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
