package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var shownToken = regexp.MustCompile(`<code class="token">([^<]+)</code>`)

func TestAdminAccess(t *testing.T) {
	env := newAdminEnv(t)
	assistant := env.signedIn("assistant@example.com")
	if res, _ := assistant.get("/admin/access"); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant sees access: %d", res.StatusCode)
	}
	if res, _ := assistant.post("/admin", "/admin/access/tokens", url.Values{"name": {"sneaky"}}); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant creates a token: %d", res.StatusCode)
	}
	owner := env.signedIn("owner@example.com")

	users := []struct {
		name       string
		form       url.Values
		wantStatus int
		wantBody   string
	}{
		{"short password", url.Values{"email": {"neu@example.com"}, "role": {"assistant"}, "password": {"kurz"}}, http.StatusUnprocessableEntity, "mindestens 10 Zeichen"},
		{"taken e-mail", url.Values{"email": {"assistant@example.com"}, "role": {"assistant"}, "password": {testPassword}}, http.StatusUnprocessableEntity, "schon ein Konto"},
		{"unknown role", url.Values{"email": {"neu@example.com"}, "role": {"king"}, "password": {testPassword}}, http.StatusUnprocessableEntity, "Rolle"},
		{"new assistant", url.Values{"email": {"neu@example.com"}, "role": {"assistant"}, "password": {testPassword}}, http.StatusSeeOther, ""},
	}
	for _, c := range users {
		t.Run(c.name, func(t *testing.T) {
			res, body := owner.post("/admin/access", "/admin/access/users", c.form)
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), has %q: %v", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody))
			}
		})
	}
	if res, _ := env.browser().login("neu@example.com", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the new account cannot sign in: %d", res.StatusCode)
	}

	res, body := owner.post("/admin/access", "/admin/access/tokens", url.Values{"name": {"zapier"}})
	m := shownToken.FindStringSubmatch(body)
	if res.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("token page: %d", res.StatusCode)
	}
	if status, _ := env.api(http.MethodGet, "/api/v1/admin/seminars", m[1], ""); status != http.StatusOK {
		t.Fatalf("the token from the page does not work: %d", status)
	}
	if _, list := owner.get("/admin/access"); strings.Contains(list, m[1]) || !strings.Contains(list, "zapier") {
		t.Fatal("the token must be listed by name and never shown again")
	}
	tokens, _ := env.st.APITokens(t.Context())
	var id uint
	for _, tk := range tokens {
		if tk.Name == "zapier" {
			id = tk.ID
			if tk.LastUsedAt == nil {
				t.Fatal("last use not recorded")
			}
		}
	}
	if res, _ := owner.post("/admin/access", fmt.Sprintf("/admin/access/tokens/%d/revoke", id), nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: %d", res.StatusCode)
	}
	if status, _ := env.api(http.MethodGet, "/api/v1/admin/seminars", m[1], ""); status != http.StatusUnauthorized {
		t.Fatalf("a revoked token still works: %d", status)
	}
	if _, audit := owner.get("/admin/audit"); !strings.Contains(audit, "API-Schlüssel widerrufen") || !strings.Contains(audit, "user neu@example.com") {
		t.Fatal("access changes are not in the audit log")
	}
}
