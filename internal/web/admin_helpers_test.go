package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/auth"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

const testPassword = "correct horse battery"

// adminEnv is a real server on a fresh SQLite file, with an owner and an assistant.
type adminEnv struct {
	t     testing.TB
	srv   *Server
	st    *store.Store
	http  *httptest.Server
	owner model.StaffUser
}

func newAdminEnv(t *testing.T) *adminEnv {
	t.Helper()
	st := storetest.SQLite(t)
	srv, err := New(apptest.New(t, st, apptest.Config(t)))
	if err != nil {
		t.Fatal(err)
	}
	env := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	t.Cleanup(env.http.Close)
	env.owner = env.addUser("owner@example.com", model.RoleOwner)
	env.addUser("assistant@example.com", model.RoleAssistant)
	return env
}

func (e *adminEnv) addUser(email, role string) model.StaffUser {
	e.t.Helper()
	u, err := e.srv.auth.AddUser(context.Background(), email, role, testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	return u
}

// adminBrowser is one client with its own cookies; it does not follow redirects so tests see them.
type adminBrowser struct {
	env    *adminEnv
	client *http.Client
}

func (e *adminEnv) browser() *adminBrowser {
	jar, _ := cookiejar.New(nil)
	return &adminBrowser{env: e, client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// signedIn returns a browser signed in as email.
func (e *adminEnv) signedIn(email string) *adminBrowser {
	b := e.browser()
	if res, _ := b.login(email, testPassword); res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("sign-in as %s: status %d", email, res.StatusCode)
	}
	return b
}

func (b *adminBrowser) do(req *http.Request) (*http.Response, string) {
	b.env.t.Helper()
	res, err := b.client.Do(req)
	if err != nil {
		b.env.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func (b *adminBrowser) get(path string) (*http.Response, string) {
	req, _ := http.NewRequest(http.MethodGet, b.env.http.URL+path, nil)
	return b.do(req)
}

var adminCSRFField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrf reads the CSRF token from the form on a page.
func (b *adminBrowser) csrf(page string) string {
	b.env.t.Helper()
	_, body := b.get(page)
	m := adminCSRFField.FindStringSubmatch(body)
	if m == nil {
		b.env.t.Fatalf("no _csrf field on %s", page)
	}
	return m[1]
}

// post sends a form; the CSRF token is taken from page unless form already has one.
func (b *adminBrowser) post(page, path string, form url.Values) (*http.Response, string) {
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["_csrf"]; !ok && page != "" {
		form.Set("_csrf", b.csrf(page))
	}
	req, _ := http.NewRequest(http.MethodPost, b.env.http.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

func (b *adminBrowser) login(email, password string) (*http.Response, string) {
	return b.post("/admin/login", "/admin/login", url.Values{"email": {email}, "password": {password}})
}

func (b *adminBrowser) sessionCookie() string {
	u, _ := url.Parse(b.env.http.URL + "/admin")
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == adminSessionCookie {
			return c.Value
		}
	}
	return ""
}

// authSettings keeps the auth package import used by tests that tune limits.
var _ = auth.DefaultSettings
