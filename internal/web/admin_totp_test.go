package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

var recoveryCodeOnPage = regexp.MustCompile(`<li><code>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</code></li>`)

// setUpTOTP goes through the setup pages in b and returns the key (as the page shows it as text)
// and the recovery codes.
func (e *accountsEnv) setUpTOTP(b *adminBrowser) (string, []string) {
	e.t.Helper()
	if res, body := b.get("/admin/account/totp"); res.StatusCode != http.StatusOK || !strings.Contains(body, `action="/admin/account/totp/begin"`) {
		e.t.Fatalf("setup page: %d", res.StatusCode)
	}
	if res, _ := b.post("/admin/account/totp", "/admin/account/totp/begin", nil); res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("begin: %d", res.StatusCode)
	}
	_, body := b.get("/admin/account/totp")
	m := setupKey.FindStringSubmatch(body)
	if m == nil || !strings.Contains(body, `src="data:image/png;base64,`) {
		e.t.Fatal("the setup page shows no QR code or no key as text")
	}
	key := m[1]
	if res, body := b.post("/admin/account/totp", "/admin/account/totp", url.Values{"code": {wrongTOTP(e.totpCode(key, 0))}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "nicht richtig") {
		e.t.Fatalf("wrong first code: %d", res.StatusCode)
	}
	res, body := b.post("/admin/account/totp", "/admin/account/totp", url.Values{"code": {e.totpCode(key, 0)}})
	codes := recoveryCodeOnPage.FindAllStringSubmatch(body, -1)
	if res.StatusCode != http.StatusOK || len(codes) != 10 || res.Header.Get("Cache-Control") != "no-store" {
		e.t.Fatalf("confirm: %d with %d recovery codes, Cache-Control %q", res.StatusCode, len(codes), res.Header.Get("Cache-Control"))
	}
	var out []string
	for _, c := range codes {
		out = append(out, c[1])
	}
	return key, out
}

func wrongTOTP(right string) string {
	if right == "123456" {
		return "654321"
	}
	return "123456"
}

// TestTOTPSignInPages: with TOTP on, the password alone opens nothing; the code (with one step of
// skew), or a recovery code once, completes the sign-in; a code is never taken twice.
func TestTOTPSignInPages(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAccountsEnv(t, st, clk)
		owner := env.signedIn("owner@example.com")
		if _, body := owner.get("/admin/account"); !strings.Contains(body, "Ausgeschaltet") {
			t.Fatal("the account page does not say two-step sign-in is off")
		}
		key, recovery := env.setUpTOTP(owner)
		if res, body := owner.get("/admin/account"); res.StatusCode != http.StatusOK || !strings.Contains(body, "Übrige Wiederherstellungscodes: 10") {
			t.Fatalf("account page after setup: %d", res.StatusCode)
		}
		cases := []struct {
			name       string
			code       func() string
			wantStatus int
			wantBody   string
		}{
			{"the code used for the setup again", func() string { return env.totpCode(key, 0) }, http.StatusUnprocessableEntity, "schon benutzt"},
			{"wrong code", func() string { return wrongTOTP(env.totpCode(key, 1)) }, http.StatusUnprocessableEntity, "nicht richtig"},
			{"phone one step ahead", func() string { return env.totpCode(key, 1) }, http.StatusSeeOther, ""},
			{"phone one step behind", func() string { clk.Advance(90 * time.Second); return env.totpCode(key, -1) }, http.StatusSeeOther, ""},
			{"phone two steps behind", func() string { clk.Advance(time.Minute); return env.totpCode(key, -2) }, http.StatusUnprocessableEntity, "nicht richtig"},
			{"recovery code", func() string { return recovery[0] }, http.StatusSeeOther, ""},
			{"recovery code again", func() string { return recovery[0] }, http.StatusUnprocessableEntity, "nicht richtig"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				b := env.browser()
				res, _ := b.login("owner@example.com", testPassword)
				if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/login/code" {
					t.Fatalf("password: %d to %q, want the code page", res.StatusCode, res.Header.Get("Location"))
				}
				for _, path := range []string{"/admin", "/admin/bookings", "/admin/access", "/admin/account"} {
					if res, _ := b.get(path); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/login/code" {
						t.Fatalf("half signed in, %s: %d to %q", path, res.StatusCode, res.Header.Get("Location"))
					}
				}
				res, body := b.post("/admin/login/code", "/admin/login/code", url.Values{"code": {c.code()}})
				if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
					t.Fatalf("code: %d, want %d with %q", res.StatusCode, c.wantStatus, c.wantBody)
				}
				want := http.StatusSeeOther
				if c.wantStatus == http.StatusSeeOther {
					want = http.StatusOK
				}
				if res, _ := b.get("/admin"); res.StatusCode != want {
					t.Fatalf("dashboard after the code: %d, want %d", res.StatusCode, want)
				}
			})
		}
	})
}

// TestTOTPRequiredByOwner: with require_totp every user without TOTP must set it up at the next
// sign-in before reaching anything else.
func TestTOTPRequiredByOwner(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAccountsEnv(t, st, clk, "SEMINARS_REQUIRE_TOTP=true")
		b := env.browser()
		res, _ := b.login("assistant@example.com", testPassword)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/account/totp" {
			t.Fatalf("sign-in: %d to %q, want the setup", res.StatusCode, res.Header.Get("Location"))
		}
		before := b.sessionCookie()
		if res, _ := b.get("/admin/bookings"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/account/totp" {
			t.Fatalf("bookings before the setup: %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		if _, body := b.get("/admin/account/totp"); !strings.Contains(body, "vorgeschrieben") {
			t.Fatal("the setup page does not say it is required")
		}
		env.setUpTOTP(b)
		if b.sessionCookie() == before {
			t.Fatal("the session id was not renewed when the sign-in completed")
		}
		if res, _ := b.get("/admin"); res.StatusCode != http.StatusOK {
			t.Fatalf("dashboard after the setup: %d", res.StatusCode)
		}
	})
}

// TestTOTPDisableAndOwnerReset: turning it off takes a current code; an owner can take it away
// from another account, whose sessions then end.
func TestTOTPDisableAndOwnerReset(t *testing.T) {
	clk := storetest.NewClock(t)
	env := newAccountsEnv(t, storetest.SQLiteAt(t, clk), clk)
	owner := env.signedIn("owner@example.com")
	key, _ := env.setUpTOTP(owner)
	clk.Advance(30 * time.Second)
	cases := []struct {
		name, code string
		wantStatus int
		wantBody   string
	}{
		{"wrong code", wrongTOTP(env.totpCode(key, 0)), http.StatusUnprocessableEntity, "nicht richtig"},
		{"no code", "", http.StatusUnprocessableEntity, "nicht richtig"},
		{"current code", env.totpCode(key, 0), http.StatusSeeOther, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := owner.post("/admin/account", "/admin/account/totp/disable", url.Values{"code": {c.code}})
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("disable: %d, want %d with %q", res.StatusCode, c.wantStatus, c.wantBody)
			}
		})
	}
	if res, _ := env.browser().login("owner@example.com", testPassword); res.Header.Get("Location") != "/admin" {
		t.Fatalf("sign-in after turning it off goes to %q", res.Header.Get("Location"))
	}

	assistant := env.signedIn("assistant@example.com")
	env.setUpTOTP(assistant)
	assistantID := ""
	users, _ := env.st.StaffUsers(t.Context())
	for _, u := range users {
		if u.Email == "assistant@example.com" {
			assistantID = strconv.FormatUint(uint64(u.ID), 10)
		}
	}
	if res, _ := assistant.post("/admin/account", "/admin/access/users/"+assistantID+"/totp-reset", nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("an assistant reset two-step sign-in: %d", res.StatusCode)
	}
	if _, body := owner.get("/admin/access"); !strings.Contains(body, "/admin/access/users/"+assistantID+"/totp-reset") {
		t.Fatal("the access page offers no reset")
	}
	if res, _ := owner.post("/admin/access", "/admin/access/users/"+assistantID+"/totp-reset", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("owner's reset: %d", res.StatusCode)
	}
	if res, _ := assistant.get("/admin"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the assistant's session survived the reset: %d", res.StatusCode)
	}
	if res, _ := env.browser().login("assistant@example.com", testPassword); res.Header.Get("Location") != "/admin" {
		t.Fatalf("assistant's sign-in after the reset goes to %q", res.Header.Get("Location"))
	}
	entries, _ := env.st.AuditLog(t.Context(), 20)
	found := false
	for _, e := range entries {
		found = found || (e.Action == "user.totp_reset" && e.Actor == "owner@example.com" && e.Subject == "user assistant@example.com")
	}
	if !found {
		t.Fatal("the owner's reset is not audited")
	}
}
