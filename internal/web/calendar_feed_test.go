package web

import (
	"bytes"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/store/storetest"
)

var calendarURLField = regexp.MustCompile(`id="calendar-url"[^>]*value="([^"]+)"`)

// feedPath reads the feed's URL off the back office's calendar page and returns its path.
func feedPath(t *testing.T, b *adminBrowser) string {
	t.Helper()
	res, body := b.get("/admin/calendar")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("calendar page: %d", res.StatusCode)
	}
	m := calendarURLField.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no feed URL on the calendar page:\n%s", excerpt(body))
	}
	u, err := url.Parse(html.UnescapeString(m[1]))
	if err != nil || !strings.HasPrefix(u.Path, "/calendar/") || !strings.HasSuffix(u.Path, ".ics") {
		t.Fatalf("feed URL %q is not /calendar/{secret}.ics", m[1])
	}
	return u.Path
}

func TestCalendarFeed(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 16, SeatsTaken: 12})
	owner := env.signedIn("owner@example.com")
	assistant := env.signedIn("assistant@example.com")
	visitor := env.browser()
	path := feedPath(t, owner)
	if other := feedPath(t, assistant); other != path {
		t.Fatalf("assistant sees %s, owner %s", other, path)
	}
	secretPart := strings.TrimSuffix(strings.TrimPrefix(path, "/calendar/"), ".ics")

	cases := []struct {
		name       string
		path       string
		wantStatus int
	}{
		{"current secret", path, http.StatusOK},
		{"wrong secret", "/calendar/" + strings.Repeat("A", len(secretPart)) + ".ics", http.StatusNotFound},
		{"secret without .ics", "/calendar/" + secretPart, http.StatusNotFound},
		{"empty secret", "/calendar/.ics", http.StatusNotFound},
		{"secret one character short", "/calendar/" + secretPart[1:] + ".ics", http.StatusNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if res, _ := visitor.get(c.path); res.StatusCode != c.wantStatus {
				t.Fatalf("GET %s: %d, want %d", c.path, res.StatusCode, c.wantStatus)
			}
		})
	}

	res, body := visitor.get(path)
	if ct := res.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	if !strings.HasPrefix(body, "BEGIN:VCALENDAR\r\n") || !strings.Contains(body, "12/16 belegt") ||
		!strings.Contains(body, "UID:trainer-date-") || !strings.Contains(body, date.Seminar.TitleDE) {
		t.Fatalf("feed lacks the date:\n%s", body)
	}

	t.Run("assistant cannot renew", func(t *testing.T) {
		if res, _ := assistant.post("/admin/calendar", "/admin/calendar/renew", nil); res.StatusCode != http.StatusForbidden {
			t.Fatalf("assistant renew: %d", res.StatusCode)
		}
		if res, _ := visitor.get(path); res.StatusCode != http.StatusOK {
			t.Fatalf("the feed stopped working after a refused renewal: %d", res.StatusCode)
		}
	})
	t.Run("renewing kills the old URL", func(t *testing.T) {
		res, _ := owner.post("/admin/calendar", "/admin/calendar/renew", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("owner renew: %d", res.StatusCode)
		}
		renewed := feedPath(t, owner)
		if renewed == path {
			t.Fatal("renewing kept the URL")
		}
		if res, _ := visitor.get(path); res.StatusCode != http.StatusNotFound {
			t.Fatalf("old URL after renewal: %d", res.StatusCode)
		}
		if res, _ := visitor.get(renewed); res.StatusCode != http.StatusOK {
			t.Fatalf("new URL: %d", res.StatusCode)
		}
		if _, audit := owner.get("/admin/audit"); !strings.Contains(audit, "Kalender-Abo erneuert") {
			t.Fatal("the renewal is not in the audit log")
		}
	})
	if res, _ := visitor.get("/admin/calendar"); res.StatusCode == http.StatusOK {
		t.Fatal("the calendar page is reachable without signing in")
	}
}

// The feed's secret is its path: the logs must not keep it, for a right or a wrong one.
func TestCalendarFeedSecretNotLogged(t *testing.T) {
	st := storetest.SQLite(t)
	var logs syncBuffer
	a := apptest.NewWith(t, st, apptest.Config(t), st.Now, slog.New(slog.NewTextHandler(&logs, nil)))
	srv, err := New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	feedURL, err := a.Calendar.URL(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(feedURL)
	secretPart := strings.TrimSuffix(strings.TrimPrefix(u.Path, "/calendar/"), ".ics")
	wrong := strings.Repeat("B", len(secretPart))
	for path, want := range map[string]int{u.Path: http.StatusOK, "/calendar/" + wrong + ".ics": http.StatusNotFound} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Fatalf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	got := logs.String()
	if strings.Contains(got, secretPart) || strings.Contains(got, wrong) {
		t.Fatalf("a feed secret is in the logs:\n%s", got)
	}
	if !strings.Contains(got, "path=/calendar/{secret}.ics") {
		t.Fatalf("the feed's requests are not logged at all:\n%s", got)
	}
}

// syncBuffer is a bytes.Buffer the server's goroutines can write to while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
