package web

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"seminars/internal/auth"
)

// TestAdminLoginParallelGuesses fires 100 wrong passwords at once: at most the account limit are
// checked against argon2id, every other one gets 429.
func TestAdminLoginParallelGuesses(t *testing.T) {
	env := newAdminEnv(t)
	var checks atomic.Int64
	settings := env.srv.auth.Settings()
	settings.CheckWait = time.Minute
	env.srv.auth = auth.New(env.st, settings, env.srv.now, auth.WithPasswordCheck(func(password, encoded string) (bool, error) {
		checks.Add(1)
		return auth.VerifyPassword(password, encoded)
	}))
	b := env.browser()
	form := url.Values{"email": {"owner@example.com"}, "password": {"wrong password!"}, "_csrf": {b.csrf("/admin/login")}}
	const n = 100
	statuses := make([]int, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			req, _ := http.NewRequest(http.MethodPost, env.http.URL+"/admin/login", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := b.client.Do(req)
			if err != nil {
				return
			}
			res.Body.Close()
			statuses[i] = res.StatusCode
		}()
	}
	start.Done()
	done.Wait()
	count := map[int]int{}
	for _, s := range statuses {
		count[s]++
	}
	limit := settings.MaxAccountFailures
	if got := checks.Load(); got > int64(limit) {
		t.Fatalf("%d passwords checked, want at most %d", got, limit)
	}
	if count[http.StatusUnprocessableEntity] != int(checks.Load()) || count[http.StatusTooManyRequests] != n-int(checks.Load()) {
		t.Fatalf("answers %v after %d checks: want %d×422 and the rest 429", count, checks.Load(), checks.Load())
	}
}

// TestAdminLoginBusy: while every password check is taken, a sign-in that waited its time gets
// 503 with Retry-After and a "try again" message, not an endless queue.
func TestAdminLoginBusy(t *testing.T) {
	env := newAdminEnv(t)
	entered, release := make(chan struct{}), make(chan struct{})
	settings := env.srv.auth.Settings()
	settings.MaxConcurrentChecks = 1
	settings.CheckWait = 10 * time.Millisecond
	env.srv.auth = auth.New(env.st, settings, env.srv.now, auth.WithPasswordCheck(func(password, encoded string) (bool, error) {
		if password == "hold the check" {
			close(entered)
			<-release
		}
		return auth.VerifyPassword(password, encoded)
	}))
	holder := env.browser()
	token := holder.csrf("/admin/login")
	done := make(chan struct{})
	go func() {
		defer close(done)
		form := url.Values{"email": {"owner@example.com"}, "password": {"hold the check"}, "_csrf": {token}}
		req, _ := http.NewRequest(http.MethodPost, env.http.URL+"/admin/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if res, err := holder.client.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	<-entered
	res, body := env.browser().login("assistant@example.com", testPassword)
	close(release)
	<-done
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "noch einmal") {
		t.Fatalf("busy sign-in: %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
}
