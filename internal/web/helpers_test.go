package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/store"
	"seminars/internal/web"
)

// newServer starts the real web server over st on an httptest server, wired as main wires it
// (apptest), with configuration overrides (KEY=VALUE).
func newServer(t testing.TB, st *store.Store, env ...string) *httptest.Server {
	t.Helper()
	srv, err := web.New(apptest.New(t, st, apptest.Config(t, env...)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// client is a browser-like client: it keeps cookies and does not follow redirects, so tests see them.
func client(t testing.TB) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
}

// do sends a request and returns status, body and headers.
func do(t testing.TB, c *http.Client, method, url, contentType, body string, headers ...string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(raw), resp.Header
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrfToken reads the CSRF token from a page's form.
func csrfToken(t testing.TB, page string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page has no _csrf field")
	}
	return m[1]
}
