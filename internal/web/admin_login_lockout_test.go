package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"seminars/internal/auth"
)

// TestOwnerNotLockedOutByGuessesFromElsewhere: behind the trusted proxy, wrong passwords for the
// owner from one client address lock only that address out of the account; the owner's correct
// password from another address signs in after a short back-off, never a 429.
func TestOwnerNotLockedOutByGuessesFromElsewhere(t *testing.T) {
	env := newAdminEnv(t)
	cfg := env.srv.cfg
	_, proxy, _ := net.ParseCIDR("127.0.0.1/32")
	cfg.TrustedProxyNets = []*net.IPNet{proxy}
	env.srv.echo.IPExtractor = ipExtractor(cfg)
	var mu sync.Mutex
	var waited []time.Duration
	settings := env.srv.auth.Settings()
	env.srv.auth = auth.New(env.st, settings, env.srv.now, auth.WithSleep(func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		waited = append(waited, d)
		return nil
	}))
	b := env.browser()
	login := func(password, client string) int {
		t.Helper()
		form := url.Values{"email": {"owner@example.com"}, "password": {password}, "_csrf": {b.csrf("/admin/login")}}
		req, _ := http.NewRequest(http.MethodPost, env.http.URL+"/admin/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", client)
		res, _ := b.do(req)
		return res.StatusCode
	}
	const attacker, owner = "203.0.113.66", "198.51.100.7"
	cases := []struct {
		name     string
		password string
		client   string
		want     int
	}{
		{"guess 1", "wrong password!", attacker, http.StatusUnprocessableEntity},
		{"guess 2", "wrong password!", attacker, http.StatusUnprocessableEntity},
		{"guess 3", "wrong password!", attacker, http.StatusUnprocessableEntity},
		{"guess 4", "wrong password!", attacker, http.StatusUnprocessableEntity},
		{"guess 5", "wrong password!", attacker, http.StatusUnprocessableEntity},
		{"guess 6 is refused", "wrong password!", attacker, http.StatusTooManyRequests},
		{"even the right password from the attacker's address", testPassword, attacker, http.StatusTooManyRequests},
		{"the owner from their own address", testPassword, owner, http.StatusSeeOther},
	}
	for _, c := range cases {
		if got := login(c.password, c.client); got != c.want {
			t.Fatalf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	last := waited[len(waited)-1]
	if last <= 0 || last > settings.MaxAccountBackoff {
		t.Fatalf("the owner waited %v, want a back-off of at most %v", last, settings.MaxAccountBackoff)
	}
}
