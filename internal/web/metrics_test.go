package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/store/storetest"
)

// lockedBuffer is a log sink the server's goroutines may write to while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newLoggedServer is the real server over SQLite with its log (debug and up) in a buffer.
func newLoggedServer(t *testing.T) (*Server, *lockedBuffer) {
	t.Helper()
	st := storetest.SQLite(t)
	logs := &lockedBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	now := func() time.Time { return time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC) }
	srv, err := New(apptest.NewWith(t, st, apptest.Config(t), now, log))
	if err != nil {
		t.Fatal(err)
	}
	return srv, logs
}

func scrape(t *testing.T, srv *Server) string {
	t.Helper()
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return rec.Body.String()
}

// TestClientDisconnectIsNotAServerError: a request whose client hung up is logged at info as a
// disconnect (499), not as an error, and the metrics count it as 499, never 500.
func TestClientDisconnectIsNotAServerError(t *testing.T) {
	cases := []struct{ name, path string }{
		{"catalogue API", "/api/v1/seminars"},
		{"catalogue page", "/"},
		{"health", "/healthz"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, logs := newLoggedServer(t)
			ctx, cancel := context.WithCancel(context.Background())
			cancel() // the client is gone before the handler reaches the database
			srv.Handler().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, c.path, nil).WithContext(ctx))
			out := logs.String()
			if strings.Contains(out, "level=ERROR") {
				t.Fatalf("a client going away was logged as an error:\n%s", out)
			}
			if !strings.Contains(out, "status=499") || !strings.Contains(out, "client_disconnected=true") {
				t.Fatalf("no 499 disconnect in the request log:\n%s", out)
			}
			m := scrape(t, srv)
			if strings.Contains(m, `status="500"`) || !strings.Contains(m, `status="499"`) {
				t.Fatalf("metrics after a disconnect:\n%s", grepLines(m, "seminars_http_requests_total"))
			}
		})
	}
}

// TestUnknownMethodsShareOneLabel: made-up HTTP methods are all counted as "OTHER".
func TestUnknownMethodsShareOneLabel(t *testing.T) {
	srv, _ := newLoggedServer(t)
	for _, method := range []string{"FOO", "BREW", "PROPFIND", "X-" + strings.Repeat("A", 50)} {
		srv.Handler().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, "/healthz", nil))
	}
	srv.Handler().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/healthz", nil))
	m := grepLines(scrape(t, srv), "seminars_http_requests_total{")
	for _, bad := range []string{`method="FOO"`, `method="BREW"`, `method="PROPFIND"`, `method="X-`} {
		if strings.Contains(m, bad) {
			t.Fatalf("%s became a label value:\n%s", bad, m)
		}
	}
	if !strings.Contains(m, `method="OTHER"`) || !strings.Contains(m, `method="GET"`) {
		t.Fatalf("want OTHER and GET series:\n%s", m)
	}
}

func grepLines(s, substr string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, substr) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
