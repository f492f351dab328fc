package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// calendarCLI runs `seminars calendar <sub>` and returns the last word of its output.
func calendarCLI(t *testing.T, env []string, sub string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"calendar", sub}, env, &out, &errOut); code != 0 {
		t.Fatalf("calendar %s: exit %d: %s", sub, code, errOut.String())
	}
	words := strings.Fields(out.String())
	if len(words) == 0 {
		t.Fatalf("calendar %s printed nothing", sub)
	}
	return words[len(words)-1]
}

// TestCalendarURLWorks checks that the URL `seminars calendar url` prints as its last word is the
// one the web server serves, with the server secret generated on first use into the data folder,
// and that `seminars calendar renew` kills it.
func TestCalendarURLWorks(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "s.db")
	env := []string{"SEMINARS_DATABASE=" + dbPath, "SEMINARS_DEMO=false", "SEMINARS_DATA_DIR=" + dir,
		"SEMINARS_BASE_URL=https://seminare.example"}
	first := calendarCLI(t, env, "url")
	if !strings.HasPrefix(first, "https://seminare.example/calendar/") || !strings.HasSuffix(first, ".ics") {
		t.Fatalf("calendar url printed %q as its last word", first)
	}
	if again := calendarCLI(t, env, "url"); again != first {
		t.Fatalf("a second call printed %q, the first %q", again, first)
	}
	key, err := os.ReadFile(filepath.Join(dir, "secret_key"))
	if err != nil {
		t.Fatalf("no generated secret_key in the data folder: %v", err)
	}

	st, err := store.Open(context.Background(), dbPath, storetest.NewClock(t).Option())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := web.New(apptest.New(t, st, apptest.Config(t, "SEMINARS_SECRET_KEY="+strings.TrimSpace(string(key)))))
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(srv.Handler())
	t.Cleanup(server.Close)
	status := func(feedURL string) int {
		u, err := url.Parse(feedURL)
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.Get(server.URL + u.Path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if got := status(first); got != http.StatusOK {
		t.Fatalf("the printed URL answers %d", got)
	}
	renewed := calendarCLI(t, env, "renew")
	if renewed == first {
		t.Fatal("calendar renew printed the old URL")
	}
	if got := calendarCLI(t, env, "url"); got != renewed {
		t.Fatalf("calendar url after renew printed %q, want %q", got, renewed)
	}
	if got := status(first); got != http.StatusNotFound {
		t.Fatalf("the old URL answers %d after renew", got)
	}
	if got := status(renewed); got != http.StatusOK {
		t.Fatalf("the renewed URL answers %d", got)
	}
}

func TestCalendarUsage(t *testing.T) {
	env := []string{"SEMINARS_DATABASE=" + filepath.Join(t.TempDir(), "s.db"), "SEMINARS_DEMO=false"}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"calendar", "delete"}, env, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "seminars calendar url") {
		t.Fatalf("unknown subcommand: exit %d, %q", code, errOut.String())
	}
}
