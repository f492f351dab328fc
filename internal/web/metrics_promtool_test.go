package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMetricsPassPromtool feeds /metrics, after traffic of every kind (pages, a 404, a made-up
// method, the API), to Prometheus's own linter, `promtool check metrics`: names, types, HELP
// texts and label use must be what a Prometheus server and its users expect.
func TestMetricsPassPromtool(t *testing.T) {
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("promtool is required under CI (Debian package prometheus)")
		}
		t.Skip("promtool not installed (apt-get install prometheus)")
	}
	srv, _ := newLoggedServer(t)
	for _, req := range []struct{ method, path string }{
		{http.MethodGet, "/"},
		{http.MethodGet, "/api/v1/seminars"},
		{http.MethodGet, "/does-not-exist"},
		{"BREW", "/"},
		{http.MethodGet, "/healthz"},
	} {
		srv.Handler().ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(req.method, req.path, nil))
	}
	exposition := scrape(t, srv)
	if !strings.Contains(exposition, "http_requests_total") && !strings.Contains(exposition, "_requests_total") {
		t.Fatalf("no request counter on /metrics:\n%s", exposition)
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = strings.NewReader(exposition)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("promtool check metrics: %v\n%s", err, out.String())
	}
}
