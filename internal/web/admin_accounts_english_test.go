package web

import (
	"io"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

// TestAccountPagesInEnglish: a visitor who prefers English gets the reset form, the mail, the
// code page and the setup page in English.
func TestAccountPagesInEnglish(t *testing.T) {
	env := newAccountsEnv(t, storetest.SQLite(t), storetest.NewClock(t))
	english := func() *adminBrowser {
		b := env.browser()
		u, _ := url.Parse(env.http.URL + "/")
		b.client.Jar.SetCookies(u, []*http.Cookie{{Name: langCookie, Value: "en", Path: "/"}})
		return b
	}
	b := english()
	pages := []struct{ path, want string }{
		{"/admin/login", "Forgot your password?"},
		{"/admin/password-reset", "Reset your password"},
		{"/admin/reset?t=" + strings.Repeat("A", 43), "This link is not valid"},
	}
	for _, p := range pages {
		if _, body := b.get(p.path); !strings.Contains(body, p.want) {
			t.Errorf("%s lacks %q", p.path, p.want)
		}
	}
	if _, body := b.post("/admin/password-reset", "/admin/password-reset", url.Values{"email": {"owner@example.com"}}); !strings.Contains(body, "an e-mail with the link is on its way") {
		t.Error("the answer is not in English")
	}
	env.resetTokens("owner@example.com")
	raw := env.mail.to("owner@example.com")
	text, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(raw[0])))
	if !strings.Contains(string(text), "New password for the back office") || !strings.Contains(string(text), "Set a new password") {
		t.Error("the reset mail is not in English")
	}

	owner := english()
	if res, _ := owner.login("owner@example.com", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Fatal("sign-in")
	}
	if _, body := owner.get("/admin/account"); !strings.Contains(body, "Two-step sign-in") || !strings.Contains(body, "My account") {
		t.Error("the account page is not in English")
	}
	owner.post("/admin/account/totp", "/admin/account/totp/begin", nil)
	if _, body := owner.get("/admin/account/totp"); !strings.Contains(body, "Scan the QR code") {
		t.Error("the setup page is not in English")
	}
}
