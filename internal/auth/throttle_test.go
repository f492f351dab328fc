package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// countingCheck wraps VerifyPassword and counts the checks, and how many ran at once.
type countingCheck struct {
	total, inFlight, maxInFlight atomic.Int64
}

func (c *countingCheck) verify(password, encoded string) (bool, error) {
	c.total.Add(1)
	n := c.inFlight.Add(1)
	defer c.inFlight.Add(-1)
	for {
		m := c.maxInFlight.Load()
		if n <= m || c.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	return VerifyPassword(password, encoded)
}

// delays records the back-off a sign-in would wait instead of waiting.
type delays struct {
	mu  sync.Mutex
	all []time.Duration
}

func (d *delays) sleep(_ context.Context, x time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.all = append(d.all, x)
	return nil
}

func (d *delays) last() time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.all) == 0 {
		return -1
	}
	return d.all[len(d.all)-1]
}

func fixedClock() func() time.Time {
	at := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	return func() time.Time { return at }
}

// signInAtOnce starts n sign-ins together and returns their errors.
func signInAtOnce(a *Service, n int, email, password func(i int) string, ip func(i int) string) []error {
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			_, _, errs[i] = a.SignIn(context.Background(), email(i), password(i), ip(i))
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

func same(s string) func(int) string { return func(int) string { return s } }

func TestParallelWrongGuessesAreCountedBeforeTheCheck(t *testing.T) {
	settings := DefaultSettings()
	settings.CheckWait = time.Minute // no attempt may give up waiting: all must be counted
	cases := []struct {
		name  string
		email func(int) string
		limit int
	}{
		{"one account from one address", same("owner@example.com"), settings.MaxAccountFailures},
		{"many accounts from one address", func(i int) string { return fmt.Sprintf("guess%d@example.com", i) }, settings.MaxIPFailures},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		if _, err := New(st, settings, fixedClock()).AddUser(context.Background(), "owner@example.com", model.RoleOwner, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				checks := &countingCheck{}
				a := New(st, settings, fixedClock(), WithPasswordCheck(checks.verify), WithSleep((&delays{}).sleep))
				ip := fmt.Sprintf("192.0.2.%d", 50+i)
				errs := signInAtOnce(a, 100, c.email, same("wrong password"), same(ip))
				var bad, throttled int
				for _, err := range errs {
					switch {
					case errors.Is(err, model.ErrBadCredentials):
						bad++
					case errors.Is(err, model.ErrThrottled):
						throttled++
					default:
						t.Fatalf("unexpected answer: %v", err)
					}
				}
				if got := checks.total.Load(); got > int64(c.limit) || got != int64(bad) {
					t.Fatalf("%d passwords checked (%d wrong), want at most %d", got, bad, c.limit)
				}
				if bad+throttled != 100 || bad != c.limit {
					t.Fatalf("wrong=%d throttled=%d, want %d and %d", bad, throttled, c.limit, 100-c.limit)
				}
			})
		}
	})
}

// TestSignInWithJunkEmail: whatever is typed as the e-mail is counted and answered as wrong
// credentials, never a database error (PostgreSQL refuses invalid UTF-8, NUL and over-long keys).
func TestSignInWithJunkEmail(t *testing.T) {
	cases := []struct{ name, email string }{
		{"10,000 characters", strings.Repeat("a", 10000) + "@example.com"},
		{"invalid UTF-8", "own\xffer@example.com"},
		{"NUL", "owner\x00@example.com"},
		{"emoji", "🙂@example.com"},
		{"longest address with a long IPv6", strings.Repeat("b", 242) + "@example.com"},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		fast := func(string, string) (bool, error) { return false, nil } // the database is under test, not argon2id
		a := New(st, DefaultSettings(), fixedClock(), WithPasswordCheck(fast))
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ip := fmt.Sprintf("2001:db8:ffff:ffff:ffff:ffff:ffff:%04x", i)
				for i := 0; i < DefaultSettings().MaxAccountFailures; i++ {
					if _, _, err := a.SignIn(ctx, c.email, "wrong password", ip); !errors.Is(err, model.ErrBadCredentials) {
						t.Fatalf("attempt %d: %v, want wrong credentials", i+1, err)
					}
				}
				if _, _, err := a.SignIn(ctx, c.email, "wrong password", ip); !errors.Is(err, model.ErrThrottled) {
					t.Fatalf("junk is not counted: %v", err)
				}
			})
		}
	})
}

func TestConcurrentPasswordChecksAreCapped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		checks := &countingCheck{}
		settings := DefaultSettings()
		settings.MaxConcurrentChecks = 2
		settings.CheckWait = time.Minute
		a := New(st, settings, fixedClock(), WithPasswordCheck(checks.verify))
		// Every attempt from its own address to its own account, so no throttle stops any.
		const n = 30
		errs := signInAtOnce(a, n,
			func(i int) string { return fmt.Sprintf("guess%d@example.com", i) }, same("wrong password"),
			func(i int) string { return fmt.Sprintf("198.51.100.%d", i+1) })
		for _, err := range errs {
			if !errors.Is(err, model.ErrBadCredentials) {
				t.Fatalf("answer %v, want wrong credentials", err)
			}
		}
		if got := checks.total.Load(); got != n {
			t.Fatalf("%d checks, want %d", got, n)
		}
		if got := checks.maxInFlight.Load(); got > int64(settings.MaxConcurrentChecks) {
			t.Fatalf("%d checks ran at once, cap is %d", got, settings.MaxConcurrentChecks)
		}
	})
}

func TestSignInBusyWhenTheChecksAreTaken(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	entered, release := make(chan struct{}), make(chan struct{})
	blocking := func(password, encoded string) (bool, error) {
		if password == "hold" {
			close(entered)
			<-release
		}
		return VerifyPassword(password, encoded)
	}
	settings := DefaultSettings()
	settings.MaxConcurrentChecks = 1
	settings.CheckWait = 10 * time.Millisecond
	now := fixedClock()
	a := New(st, settings, now, WithPasswordCheck(blocking))
	holder := make(chan error)
	go func() {
		_, _, err := a.SignIn(ctx, "first@example.com", "hold", "192.0.2.1")
		holder <- err
	}()
	<-entered
	_, _, err := a.SignIn(ctx, "second@example.com", "wrong password", "192.0.2.2")
	close(release)
	if !errors.Is(err, model.ErrSignInBusy) {
		t.Fatalf("while the only check is taken: %v, want busy", err)
	}
	if err := <-holder; !errors.Is(err, model.ErrBadCredentials) {
		t.Fatalf("holder: %v", err)
	}
	// The attempt that was never checked does not count against its address or account.
	for _, key := range []string{"ip:192.0.2.2", "account:second@example.com"} {
		if n, _ := st.CountLoginFailures(ctx, key, now().Add(-time.Hour)); n != 0 {
			t.Fatalf("%s has %d failures after a busy answer, want 0", key, n)
		}
	}
}

func TestOwnerCannotBeLockedOutFromAnotherAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		wait := &delays{}
		settings := DefaultSettings()
		a := New(st, settings, fixedClock(), WithSleep(wait.sleep))
		if _, err := a.AddUser(ctx, "owner@example.com", model.RoleOwner, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			attacker []string // addresses that each send 5 wrong passwords first
		}{
			{"one attacking address", []string{"203.0.113.1"}},
			{"four attacking addresses", []string{"203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				for _, ip := range c.attacker {
					for i := 0; i < settings.MaxAccountFailures; i++ {
						if _, _, err := a.SignIn(ctx, "owner@example.com", "wrong password", ip); !errors.Is(err, model.ErrBadCredentials) {
							t.Fatalf("guess %d from %s: %v", i+1, ip, err)
						}
					}
					if _, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", ip); !errors.Is(err, model.ErrThrottled) {
						t.Fatalf("attacking address %s not throttled: %v", ip, err)
					}
				}
				if _, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", "192.0.2.200"); err != nil {
					t.Fatalf("owner from a clean address: %v", err)
				}
				if d := wait.last(); d <= 0 || d > settings.MaxAccountBackoff {
					t.Fatalf("owner waited %v, want a back-off up to %v", d, settings.MaxAccountBackoff)
				}
			})
		}
	})
}
