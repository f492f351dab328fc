package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestPasswordHash(t *testing.T) {
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not an argon2id PHC string with OWASP parameters", hash)
	}
	other, _ := HashPassword("correct horse battery")
	if other == hash {
		t.Fatal("two hashes of one password are equal: no random salt")
	}
	cases := []struct {
		name     string
		password string
		encoded  string
		want     bool
		wantErr  bool
	}{
		{"right password", "correct horse battery", hash, true, false},
		{"wrong password", "correct horse batterY", hash, false, false},
		{"not a hash", "x", "plain", false, true},
		{"bcrypt is refused", "x", "$2a$10$abcdefghijklmnopqrstuv", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ok, err := VerifyPassword(c.password, c.encoded)
			if ok != c.want || (err != nil) != c.wantErr {
				t.Fatalf("ok=%v err=%v", ok, err)
			}
		})
	}
}

type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func TestSessionTimeouts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		clk := &clock{now: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
		a := New(st, DefaultSettings(), clk.Now)
		if _, err := a.AddUser(ctx, "owner@example.com", model.RoleOwner, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		signIn := func() string {
			secret, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", "192.0.2.1")
			if err != nil {
				t.Fatal(err)
			}
			return secret
		}
		t.Run("idle timeout", func(t *testing.T) {
			secret := signIn()
			clk.now = clk.now.Add(90 * time.Minute)
			if _, err := a.Session(ctx, secret); err != nil {
				t.Fatalf("active session refused: %v", err)
			}
			clk.now = clk.now.Add(2*time.Hour + time.Second)
			if _, err := a.Session(ctx, secret); !errors.Is(err, model.ErrUnauthenticated) {
				t.Fatalf("idle session accepted: %v", err)
			}
		})
		t.Run("absolute timeout despite activity", func(t *testing.T) {
			secret := signIn()
			for i := 0; i < 13; i++ {
				clk.now = clk.now.Add(time.Hour)
				_, err := a.Session(ctx, secret)
				if i < 11 && err != nil {
					t.Fatalf("hour %d: %v", i+1, err)
				}
				if i >= 11 && !errors.Is(err, model.ErrUnauthenticated) {
					t.Fatalf("hour %d: session still valid after 12 h", i+1)
				}
			}
		})
		t.Run("sign-out", func(t *testing.T) {
			secret := signIn()
			if err := a.SignOut(ctx, secret); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Session(ctx, secret); !errors.Is(err, model.ErrUnauthenticated) {
				t.Fatalf("session alive after sign-out: %v", err)
			}
		})
		t.Run("throttle window passes", func(t *testing.T) {
			for i := 0; i < 5; i++ {
				_, _, _ = a.SignIn(ctx, "owner@example.com", "nope nope nope", "192.0.2.9")
			}
			if _, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", "192.0.2.9"); !errors.Is(err, model.ErrThrottled) {
				t.Fatalf("not throttled: %v", err)
			}
			clk.now = clk.now.Add(16 * time.Minute)
			if _, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", "192.0.2.9"); err != nil {
				t.Fatalf("still throttled after the window: %v", err)
			}
		})
	})
}

func TestEnsureOwnerKeepsExistingPassword(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t)
	a := New(st, DefaultSettings(), st.Now)
	if created, err := a.EnsureOwner(ctx, "boss@example.com", "first password"); err != nil || !created {
		t.Fatalf("created=%v err=%v", created, err)
	}
	if created, err := a.EnsureOwner(ctx, "boss@example.com", "second password"); err != nil || created {
		t.Fatalf("second call: created=%v err=%v", created, err)
	}
	if _, _, err := a.SignIn(ctx, "boss@example.com", "first password", "192.0.2.1"); err != nil {
		t.Fatalf("first password no longer works: %v", err)
	}
}

func TestAPIToken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a := New(st, DefaultSettings(), st.Now)
		secret, err := a.CreateAPIToken(ctx, "zapier", model.RoleOwner)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.CheckAPIToken(ctx, secret); err != nil {
			t.Fatalf("fresh token refused: %v", err)
		}
		for _, bad := range []string{"", secret + "x", "sem_guess"} {
			if _, err := a.CheckAPIToken(ctx, bad); !errors.Is(err, model.ErrUnauthenticated) {
				t.Fatalf("token %q accepted: %v", bad, err)
			}
		}
	})
}

func TestSuccessfulSignInClearsAccountFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		clk := &clock{now: time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)}
		a := New(st, DefaultSettings(), clk.Now)
		if _, err := a.AddUser(ctx, "owner@example.com", model.RoleOwner, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		fail := func(n int) {
			t.Helper()
			for i := 0; i < n; i++ {
				if _, _, err := a.SignIn(ctx, "owner@example.com", "wrong password", "192.0.2.7"); !errors.Is(err, model.ErrBadCredentials) {
					t.Fatalf("failure %d: %v", i+1, err)
				}
			}
		}
		fail(4)
		if _, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", "192.0.2.7"); err != nil {
			t.Fatal(err)
		}
		fail(4) // 8 failures in the window, but only 4 since the success
		if _, _, err := a.SignIn(ctx, "owner@example.com", "correct horse battery", "192.0.2.7"); err != nil {
			t.Fatalf("locked out after a success and 4 failures: %v", err)
		}
		if n, _ := st.CountLoginFailures(ctx, "ip:192.0.2.7", clk.now.Add(-time.Hour)); n != 8 {
			t.Fatalf("address failures = %d, want 8 (kept)", n)
		}
	})
}
