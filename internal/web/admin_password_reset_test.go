package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestPasswordResetByMail walks the forgotten-password flow as a user would: the same answer for
// any address, a link by mail, a new password, every session ended, and a link that no longer
// works saying why.
func TestPasswordResetByMail(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAccountsEnv(t, st, clk)
		if _, body := env.browser().get("/admin/login"); !strings.Contains(body, `href="/admin/password-reset"`) || !strings.Contains(body, "Passwort vergessen?") {
			t.Fatal("the sign-in page has no link for a forgotten password")
		}
		signedIn := env.signedIn("owner@example.com")
		visitor := env.browser()
		ask := func(email string) (*http.Response, string) {
			return visitor.post("/admin/password-reset", "/admin/password-reset", url.Values{"email": {email}})
		}
		resUnknown, bodyUnknown := ask("nobody@example.com")
		resKnown, bodyKnown := ask("owner@example.com")
		if resUnknown.StatusCode != http.StatusOK || resKnown.StatusCode != http.StatusOK || bodyUnknown != bodyKnown {
			t.Fatalf("answers differ: %d vs %d, same body %v", resUnknown.StatusCode, resKnown.StatusCode, bodyUnknown == bodyKnown)
		}
		if !strings.Contains(bodyKnown, "Wenn es zu dieser Adresse einen Zugang gibt") {
			t.Fatal("the answer does not say what happens")
		}
		if res, body := ask(""); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Bitte ausfüllen") {
			t.Fatalf("empty address: %d", res.StatusCode)
		}
		tokens := env.resetTokens("owner@example.com")
		if len(tokens) != 1 || len(env.mail.to("nobody@example.com")) != 0 {
			t.Fatalf("mails: %d to the owner, %d to the unknown address", len(tokens), len(env.mail.to("nobody@example.com")))
		}
		assertOutboxForgot(t, st, tokens[0])

		cases := []struct {
			name       string
			before     func() string // returns the token to use
			wantShow   int
			wantBody   string
			wantUpdate int
		}{
			{"valid link", func() string { return tokens[0] }, http.StatusOK, "owner@example.com", http.StatusSeeOther},
			{"used link", func() string { return tokens[0] }, http.StatusGone, "schon benutzt", http.StatusGone},
			{"wrong token", func() string { return strings.Repeat("A", 43) }, http.StatusNotFound, "nicht gültig", http.StatusNotFound},
			{"expired at 30 min + 1 s", func() string {
				clk.Advance(time.Hour) // out of the window of the request before
				ask("owner@example.com")
				next := env.resetTokens("owner@example.com")
				clk.Advance(30*time.Minute + time.Second)
				return next[len(next)-1]
			}, http.StatusGone, "abgelaufen", http.StatusGone},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				token := c.before()
				b := env.browser()
				res, body := b.get("/admin/reset?t=" + token)
				if res.StatusCode != c.wantShow || !strings.Contains(body, c.wantBody) {
					t.Fatalf("link page: %d, want %d with %q", res.StatusCode, c.wantShow, c.wantBody)
				}
				res, body = b.post("/admin/login", "/admin/reset", url.Values{"t": {token}, "password": {"my new password"}, "password_confirm": {"my new password"}})
				if res.StatusCode != c.wantUpdate {
					t.Fatalf("new password: %d, want %d: %s", res.StatusCode, c.wantUpdate, body)
				}
			})
		}
		if res, _ := signedIn.get("/admin"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a session from before the reset still works: %d", res.StatusCode)
		}
		if res, _ := env.browser().login("owner@example.com", "my new password"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("the new password does not sign in: %d", res.StatusCode)
		}
	})
}

// assertOutboxForgot checks that, once the mail went out, the database no longer holds the link's
// secret: the event and the message were scrubbed.
func assertOutboxForgot(t *testing.T, st *store.Store, token string) {
	t.Helper()
	items, err := st.ListOutbox(context.Background(), store.OutboxFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if strings.Contains(it.Payload, token) {
			t.Fatalf("outbox item %s still holds the reset link's secret", it.Key)
		}
	}
}

func TestPasswordResetForm(t *testing.T) {
	env := newAccountsEnv(t, storetest.SQLite(t), storetest.NewClock(t))
	b := env.browser()
	b.post("/admin/password-reset", "/admin/password-reset", url.Values{"email": {"owner@example.com"}})
	token := env.resetTokens("owner@example.com")[0]
	cases := []struct {
		name, password, confirm, want string
	}{
		{"too short", "short", "short", "mindestens 10 Zeichen"},
		{"confirmation differs", "a long password", "a long passworD", "stimmen nicht überein"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := b.post("/admin/login", "/admin/reset", url.Values{"t": {token}, "password": {c.password}, "password_confirm": {c.confirm}})
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) || !strings.Contains(body, `name="t" value="`+token) {
				t.Fatalf("status %d, want 422 with %q and the form again", res.StatusCode, c.want)
			}
		})
	}
	res, _ := b.post("/admin/login", "/admin/reset", url.Values{"t": {token}, "password": {"a long password"}, "password_confirm": {"a long password"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/login?done=reset" {
		t.Fatalf("status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if _, body := b.get("/admin/login?done=reset"); !strings.Contains(body, "neues Passwort ist gespeichert") {
		t.Fatal("the sign-in page does not say the password was set")
	}
}

func TestPasswordResetThrottledPerAddress(t *testing.T) {
	env := newAccountsEnv(t, storetest.SQLite(t), storetest.NewClock(t))
	b := env.browser()
	var res *http.Response
	for i := 0; i <= env.srv.auth.Settings().MaxIPFailures; i++ {
		res, _ = b.post("/admin/password-reset", "/admin/password-reset", url.Values{"email": {"someone@example.com"}})
	}
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("status %d after many requests from one address, want 429", res.StatusCode)
	}
}
