package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestAdminPagesNeedSignIn(t *testing.T) {
	env := newAdminEnv(t)
	cases := []struct {
		name, method, path string
	}{
		{"dashboard", http.MethodGet, "/admin"},
		{"unknown admin page", http.MethodGet, "/admin/nothing-here"},
		{"logout without session", http.MethodPost, "/admin/logout"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := env.browser()
			var res *http.Response
			if c.method == http.MethodGet {
				res, _ = b.get(c.path)
			} else {
				res, _ = b.post("/admin/login", c.path, nil)
			}
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/login" {
				t.Fatalf("status %d location %q, want 303 to /admin/login", res.StatusCode, res.Header.Get("Location"))
			}
		})
	}
}

func TestAdminLogin(t *testing.T) {
	env := newAdminEnv(t)
	cases := []struct {
		name       string
		email      string
		password   string
		wantStatus int
		wantBody   string
	}{
		{"wrong password", "owner@example.com", "wrong password!", http.StatusUnprocessableEntity, "E-Mail-Adresse oder Passwort ist falsch"},
		{"unknown account", "nobody@example.com", testPassword, http.StatusUnprocessableEntity, "E-Mail-Adresse oder Passwort ist falsch"},
		{"right password", "owner@example.com", testPassword, http.StatusSeeOther, ""},
		{"e-mail in other case", "Owner@Example.com", testPassword, http.StatusSeeOther, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := env.browser()
			res, body := b.login(c.email, c.password)
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d, want %d; body has %q: %v", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody))
			}
			if c.wantStatus == http.StatusSeeOther {
				if res, body := b.get("/admin"); res.StatusCode != http.StatusOK || !strings.Contains(body, "owner@example.com") {
					t.Fatalf("dashboard after sign-in: %d", res.StatusCode)
				}
			} else if b.sessionCookie() != "" {
				t.Fatal("a failed sign-in set a session cookie")
			}
		})
	}
}

func TestAdminLoginIssuesNewSessionAndCookieFlags(t *testing.T) {
	env := newAdminEnv(t)
	b := env.signedIn("owner@example.com")
	first := b.sessionCookie()
	res, _ := b.login("owner@example.com", testPassword)
	second := b.sessionCookie()
	if first == "" || second == "" || first == second {
		t.Fatalf("sign-in must issue a new session id: %q then %q", first, second)
	}
	set := ""
	for _, v := range res.Header.Values("Set-Cookie") {
		if strings.HasPrefix(v, adminSessionCookie+"=") {
			set = v
		}
	}
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/admin"} {
		if !strings.Contains(set, want) {
			t.Errorf("Set-Cookie %q lacks %s", set, want)
		}
	}
	// The session the browser had before is gone on the server.
	stale := env.browser()
	u, _ := url.Parse(env.http.URL + "/admin")
	stale.client.Jar.SetCookies(u, []*http.Cookie{{Name: adminSessionCookie, Value: first, Path: "/admin"}})
	if res, _ := stale.get("/admin"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("old session still works: %d", res.StatusCode)
	}
}

func TestAdminCSRF(t *testing.T) {
	env := newAdminEnv(t)
	b := env.signedIn("owner@example.com")
	cases := []struct {
		name string
		path string
		form url.Values
	}{
		{"login without token", "/admin/login", url.Values{"email": {"owner@example.com"}, "password": {testPassword}}},
		{"login with wrong token", "/admin/login", url.Values{"_csrf": {"forged"}, "email": {"owner@example.com"}, "password": {testPassword}}},
		{"logout without token", "/admin/logout", url.Values{}},
		{"logout with wrong token", "/admin/logout", url.Values{"_csrf": {"forged"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, ok := c.form["_csrf"]; !ok {
				c.form.Set("_csrf", "")
			}
			res, _ := b.post("", c.path, c.form)
			if res.StatusCode != http.StatusForbidden {
				t.Fatalf("status %d, want 403", res.StatusCode)
			}
		})
	}
	if res, _ := b.get("/admin"); res.StatusCode != http.StatusOK {
		t.Fatalf("refused logout must not end the session: %d", res.StatusCode)
	}
}

func TestAdminLogoutKillsSession(t *testing.T) {
	env := newAdminEnv(t)
	b := env.signedIn("owner@example.com")
	secret := b.sessionCookie()
	if res, _ := b.post("/admin", "/admin/logout", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	replay := env.browser()
	u, _ := url.Parse(env.http.URL + "/admin")
	replay.client.Jar.SetCookies(u, []*http.Cookie{{Name: adminSessionCookie, Value: secret, Path: "/admin"}})
	if res, _ := replay.get("/admin"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the old cookie still works after logout: %d", res.StatusCode)
	}
}

func TestAdminLoginThrottled(t *testing.T) {
	t.Run("per account", func(t *testing.T) {
		env := newAdminEnv(t)
		b := env.browser()
		for i := 0; i < 5; i++ {
			if res, _ := b.login("owner@example.com", "wrong password!"); res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("failure %d: %d", i+1, res.StatusCode)
			}
		}
		res, body := b.login("owner@example.com", testPassword)
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Zu viele") {
			t.Fatalf("6th attempt: %d, want 429 with a message", res.StatusCode)
		}
		// Another account from the same address is not locked by this one's failures.
		if res, _ := b.login("assistant@example.com", testPassword); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("other account: %d", res.StatusCode)
		}
	})
	t.Run("per IP", func(t *testing.T) {
		env := newAdminEnv(t)
		b := env.browser()
		limit := env.srv.auth.Settings().MaxIPFailures
		for i := 0; i < limit; i++ {
			if res, _ := b.login(fmt.Sprintf("guess%d@example.com", i), "wrong password!"); res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("failure %d: %d", i+1, res.StatusCode)
			}
		}
		if res, _ := b.login("owner@example.com", testPassword); res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("after %d failures from one address: %d, want 429", limit, res.StatusCode)
		}
	})
}
