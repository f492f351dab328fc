package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// accountsEnv is the auth service over a fresh database on a fixed clock, with the keyring that
// seals TOTP secrets, and one owner.
type accountsEnv struct {
	t     *testing.T
	st    *store.Store
	clk   *storetest.Clock
	a     *Service
	owner model.StaffUser
}

func newAccountsEnv(t *testing.T, st *store.Store, clk *storetest.Clock, settings Settings) *accountsEnv {
	t.Helper()
	a := New(st, settings, clk.Now)
	keys, err := secret.New("accounts-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	a.UseSecrets(keys)
	owner, err := a.AddUser(context.Background(), "owner@example.com", model.RoleOwner, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return &accountsEnv{t: t, st: st, clk: clk, a: a, owner: owner}
}

// resetTokens are the reset links mailed so far (read from the outbox, as the mail worker would).
func (e *accountsEnv) resetTokens() []string {
	e.t.Helper()
	items, err := e.st.ListOutbox(context.Background(), store.OutboxFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	var tokens []string
	for _, it := range items {
		var ev model.EventPayload
		if json.Unmarshal([]byte(it.Payload), &ev) == nil && ev.Event == model.EventPasswordReset {
			tokens = append(tokens, ev.Extra.ResetToken)
		}
	}
	return tokens
}

func (e *accountsEnv) signIn(ip string) string {
	e.t.Helper()
	secret, _, err := e.a.SignIn(context.Background(), "owner@example.com", "correct horse battery", ip)
	if err != nil {
		e.t.Fatal(err)
	}
	return secret
}

func TestPasswordReset(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		session := env.signIn("192.0.2.1")

		if err := env.a.RequestPasswordReset(ctx, "nobody@example.com", "192.0.2.1", "de"); err != nil {
			t.Fatalf("unknown address: %v, want the same answer as a known one", err)
		}
		if got := env.resetTokens(); len(got) != 0 {
			t.Fatalf("a mail for an unknown address: %d", len(got))
		}
		issue := func() string {
			t.Helper()
			if err := env.a.RequestPasswordReset(ctx, "Owner@Example.com", "192.0.2.1", "de"); err != nil {
				t.Fatal(err)
			}
			tokens := env.resetTokens()
			if len(tokens) == 0 || len(tokens[0]) < 43 {
				t.Fatalf("no reset link mailed with 256 bits: %q", tokens)
			}
			return tokens[0]
		}
		cases := []struct {
			name    string
			wait    time.Duration
			token   func(string) string
			reuse   bool
			wantErr error
		}{
			{"valid link, just before its end", 30*time.Minute - time.Second, func(s string) string { return s }, false, nil},
			{"expired at 30 min + 1 s", 30*time.Minute + time.Second, func(s string) string { return s }, false, model.ErrResetExpired},
			{"used twice", 0, func(s string) string { return s }, true, model.ErrResetUsed},
			{"wrong token", 0, func(s string) string { return s[:len(s)-1] + "x" }, false, model.ErrResetUnknown},
			{"no token", 0, func(string) string { return "" }, false, model.ErrResetUnknown},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				token := issue()
				clk.Advance(c.wait)
				if c.reuse {
					if _, err := env.a.ResetPassword(ctx, token, "first new password", "first new password", "192.0.2.1"); err != nil {
						t.Fatalf("first use: %v", err)
					}
				}
				_, err := env.a.ResetPassword(ctx, c.token(token), "a new password!", "a new password!", "192.0.2.1")
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("reset: %v, want %v", err, c.wantErr)
				}
				clk.Advance(time.Hour) // the next case's requests are not throttled by this one's
			})
		}
		if _, _, err := env.a.SignIn(ctx, "owner@example.com", "first new password", "192.0.2.2"); err != nil { // the last reset that worked
			t.Fatalf("the new password does not work: %v", err)
		}
		if _, err := env.a.Session(ctx, session); !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("a session from before the reset survived: %v", err)
		}
		audits, _ := st.AuditLog(ctx, 50)
		resets := 0
		for _, e := range audits {
			if e.Action == model.AuditPasswordReset && e.Actor == "owner@example.com" {
				resets++
			}
		}
		if resets != 2 {
			t.Fatalf("%d password resets audited, want 2", resets)
		}
	})
}

func TestPasswordResetRules(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		if err := env.a.RequestPasswordReset(ctx, "owner@example.com", "192.0.2.1", "en"); err != nil {
			t.Fatal(err)
		}
		token := env.resetTokens()[0]
		cases := []struct {
			name, password, confirm, field string
		}{
			{"too short", "short", "short", "password"},
			{"confirmation differs", "a long enough one", "a long enough two", "password_confirm"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, err := env.a.ResetPassword(ctx, token, c.password, c.confirm, "192.0.2.1")
				var invalid *model.ValidationError
				if !errors.As(err, &invalid) || invalid.Fields[c.field] == "" {
					t.Fatalf("err %v, want a message on %s", err, c.field)
				}
			})
		}
		if _, err := env.a.CheckPasswordReset(ctx, token); err != nil {
			t.Fatalf("a refused password used the link up: %v", err)
		}
		// A second request replaces the first link: the newest mail is the one that works.
		if err := env.a.RequestPasswordReset(ctx, "owner@example.com", "192.0.2.1", "en"); err != nil {
			t.Fatal(err)
		}
		if _, err := env.a.CheckPasswordReset(ctx, token); !errors.Is(err, model.ErrResetUnknown) {
			t.Fatalf("the older link still works: %v", err)
		}
	})
}

func TestPasswordResetThrottled(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		s := DefaultSettings()
		for i := 0; i < s.MaxAccountFailures+2; i++ {
			// From different addresses: only the account's own limit applies.
			if err := env.a.RequestPasswordReset(ctx, "owner@example.com", fmt.Sprintf("192.0.2.%d", 10+i), "de"); err != nil {
				t.Fatalf("request %d: %v (must look like success)", i+1, err)
			}
		}
		if n := len(env.resetTokens()); n != s.MaxAccountFailures {
			t.Fatalf("%d mails for one account in the window, want %d", n, s.MaxAccountFailures)
		}
		for i := 0; i < s.MaxIPFailures; i++ {
			if err := env.a.RequestPasswordReset(ctx, fmt.Sprintf("x%d@example.com", i), "198.51.100.7", "de"); err != nil {
				t.Fatalf("request %d: %v", i+1, err)
			}
		}
		if err := env.a.RequestPasswordReset(ctx, "nobody@example.com", "198.51.100.7", "de"); !errors.Is(err, model.ErrThrottled) {
			t.Fatalf("address not throttled: %v", err)
		}
		clk.Advance(s.FailureWindow + time.Second)
		if err := env.a.RequestPasswordReset(ctx, "nobody@example.com", "198.51.100.7", "de"); err != nil {
			t.Fatalf("still throttled after the window: %v", err)
		}
	})
}

// code is the TOTP code of a user's sealed secret at a moment, as the authenticator app shows it.
func (e *accountsEnv) code(userID uint, at time.Time) string {
	e.t.Helper()
	u, err := e.st.StaffUserByID(context.Background(), userID)
	if err != nil {
		e.t.Fatal(err)
	}
	secret, err := e.a.totpSecret(u)
	if err != nil {
		e.t.Fatal(err)
	}
	c, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// enableTOTP sets TOTP up for the owner from a signed-in session and returns the recovery codes.
func (e *accountsEnv) enableTOTP(session string) []string {
	e.t.Helper()
	ctx := context.Background()
	if err := e.a.BeginTOTP(ctx, e.owner.ID); err != nil {
		e.t.Fatal(err)
	}
	codes, _, err := e.a.ConfirmTOTP(ctx, session, e.code(e.owner.ID, e.clk.Now()), "192.0.2.1")
	if err != nil {
		e.t.Fatal(err)
	}
	return codes
}

func TestTOTPSetup(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		session := env.signIn("192.0.2.1")
		if _, err := env.a.PendingEnrollment(ctx, env.owner.ID); !errors.Is(err, model.ErrTOTPState) {
			t.Fatalf("an enrollment before setup began: %v", err)
		}
		if err := env.a.BeginTOTP(ctx, env.owner.ID); err != nil {
			t.Fatal(err)
		}
		e, err := env.a.PendingEnrollment(ctx, env.owner.ID)
		if err != nil || len(e.QRPNG) < 100 || string(e.QRPNG[1:4]) != "PNG" || e.Secret == "" {
			t.Fatalf("enrollment %q %d bytes of QR: %v", e.URL, len(e.QRPNG), err)
		}
		key, err := otp.NewKeyFromURL(e.URL)
		if err != nil || key.Issuer() != "Seminars" || key.AccountName() != "owner@example.com" || key.Period() != 30 {
			t.Fatalf("otpauth URL %q: %v", e.URL, err)
		}
		u, _ := st.StaffUserByID(ctx, env.owner.ID)
		if u.TOTPSecret == "" || u.TOTPSecret == key.Secret() || u.TOTPEnabled() {
			t.Fatalf("stored secret %q (app's %q), enabled %v: want it sealed and not yet in force", u.TOTPSecret, key.Secret(), u.TOTPEnabled())
		}
		if _, _, err := env.a.ConfirmTOTP(ctx, session, "000000", "192.0.2.1"); !errors.Is(err, model.ErrBadCode) && env.code(env.owner.ID, clk.Now()) != "000000" {
			t.Fatalf("wrong code: %v", err)
		}
		codes, promoted, err := env.a.ConfirmTOTP(ctx, session, env.code(env.owner.ID, clk.Now()), "192.0.2.1")
		if err != nil || len(codes) != RecoveryCodeCount || promoted != "" {
			t.Fatalf("confirm: %d codes, new session %q: %v", len(codes), promoted, err)
		}
		if left, _ := env.a.RecoveryCodesLeft(ctx, env.owner.ID); left != RecoveryCodeCount {
			t.Fatalf("%d recovery codes stored", left)
		}
		if _, err := env.a.Session(ctx, session); err != nil {
			t.Fatalf("turning TOTP on ended the session it was done in: %v", err)
		}
		if err := env.a.BeginTOTP(ctx, env.owner.ID); !errors.Is(err, model.ErrTOTPState) {
			t.Fatalf("a new key while TOTP is on: %v", err)
		}
	})
}

func TestTOTPSignIn(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		recovery := env.enableTOTP(env.signIn("192.0.2.1"))
		step := 30 * time.Second
		cases := []struct {
			name    string
			code    func(now time.Time) string
			wantErr error
		}{
			{"wrong code", func(now time.Time) string { return wrongCode(env.code(env.owner.ID, now)) }, model.ErrBadCode},
			{"right code", func(now time.Time) string { return env.code(env.owner.ID, now) }, nil},
			{"the same code again", func(now time.Time) string { return env.code(env.owner.ID, now.Add(-step)) }, model.ErrCodeReplayed},
			{"phone one step behind", func(now time.Time) string { return env.code(env.owner.ID, now.Add(-step)) }, nil},
			{"phone one step ahead", func(now time.Time) string { return env.code(env.owner.ID, now.Add(step)) }, nil},
			{"an earlier step after a later one", func(now time.Time) string { return env.code(env.owner.ID, now) }, model.ErrCodeReplayed},
			{"phone two steps ahead", func(now time.Time) string { return env.code(env.owner.ID, now.Add(2*step)) }, model.ErrBadCode},
			{"phone two steps behind", func(now time.Time) string { return env.code(env.owner.ID, now.Add(-2*step)) }, model.ErrBadCode},
			{"recovery code", func(time.Time) string { return recovery[0] }, nil},
			{"recovery code typed loosely", func(time.Time) string { return " " + lower(recovery[1]) + " " }, nil},
			{"recovery code used again", func(time.Time) string { return recovery[0] }, model.ErrBadCode},
			{"nothing", func(time.Time) string { return "" }, model.ErrBadCode},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				pending := env.signIn("192.0.2.1")
				if _, err := env.a.Session(ctx, pending); !errors.Is(err, model.ErrCodeDue) {
					t.Fatalf("the password alone opened the back office: %v", err)
				}
				secret, _, err := env.a.CompleteSignIn(ctx, pending, c.code(clk.Now()), "192.0.2.1")
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("code: %v, want %v", err, c.wantErr)
				}
				if c.wantErr == nil {
					if _, err := env.a.Session(ctx, secret); err != nil {
						t.Fatalf("signed-in session refused: %v", err)
					}
					if _, err := env.a.Session(ctx, pending); !errors.Is(err, model.ErrUnauthenticated) {
						t.Fatalf("the half-signed-in session lives on: %v", err)
					}
				}
				clk.Advance(step)
			})
		}
		if left, _ := env.a.RecoveryCodesLeft(ctx, env.owner.ID); left != RecoveryCodeCount-2 {
			t.Fatalf("%d recovery codes left, want %d", left, RecoveryCodeCount-2)
		}
	})
}

func TestTOTPCodesThrottled(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		env.enableTOTP(env.signIn("192.0.2.1"))
		pending := env.signIn("192.0.2.1")
		for i := 0; i < DefaultSettings().MaxAccountFailures; i++ {
			// From ever other addresses: whoever tries codes has the password.
			ip := fmt.Sprintf("203.0.113.%d", 1+i)
			if _, _, err := env.a.CompleteSignIn(ctx, pending, wrongCode(env.code(env.owner.ID, clk.Now())), ip); !errors.Is(err, model.ErrBadCode) {
				t.Fatalf("try %d: %v", i+1, err)
			}
		}
		if _, _, err := env.a.CompleteSignIn(ctx, pending, env.code(env.owner.ID, clk.Now()), "203.0.113.99"); !errors.Is(err, model.ErrThrottled) {
			t.Fatalf("the right code after the limit: %v, want throttled", err)
		}
	})
}

func TestTOTPRequired(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		settings := DefaultSettings()
		settings.RequireTOTP = true
		env := newAccountsEnv(t, st, clk, settings)
		pending := env.signIn("192.0.2.1")
		if _, err := env.a.Session(ctx, pending); !errors.Is(err, model.ErrTOTPSetupDue) {
			t.Fatalf("a user without TOTP got in although the owner requires it: %v", err)
		}
		if err := env.a.BeginTOTP(ctx, env.owner.ID); err != nil {
			t.Fatal(err)
		}
		codes, signedIn, err := env.a.ConfirmTOTP(ctx, pending, env.code(env.owner.ID, clk.Now()), "192.0.2.1")
		if err != nil || len(codes) == 0 || signedIn == "" {
			t.Fatalf("setup: %d codes, session %q: %v", len(codes), signedIn, err)
		}
		if _, err := env.a.Session(ctx, signedIn); err != nil {
			t.Fatalf("the session after setup: %v", err)
		}
		if _, err := env.a.Session(ctx, pending); !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("the setup session lives on: %v", err)
		}
		if next := env.signIn("192.0.2.1"); next != "" {
			if _, err := env.a.Session(ctx, next); !errors.Is(err, model.ErrCodeDue) {
				t.Fatalf("next sign-in: %v, want the code due", err)
			}
		}
	})
}

func TestTOTPDisableAndReset(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAccountsEnv(t, st, clk, DefaultSettings())
		env.enableTOTP(env.signIn("192.0.2.1"))
		cases := []struct {
			name    string
			code    func() string
			wantErr error
		}{
			{"the code used to turn it on", func() string { return env.code(env.owner.ID, clk.Now()) }, model.ErrCodeReplayed},
			{"wrong code", func() string { return wrongCode(env.code(env.owner.ID, clk.Now().Add(time.Minute))) }, model.ErrBadCode},
			{"current code", func() string { return env.code(env.owner.ID, clk.Now().Add(time.Minute)) }, nil},
			{"when already off", func() string { return "123456" }, model.ErrTOTPState},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				code := c.code()
				if c.wantErr == nil {
					clk.Advance(time.Minute)
				}
				if err := env.a.DisableTOTP(ctx, env.owner.ID, code, "192.0.2.1"); !errors.Is(err, c.wantErr) {
					t.Fatalf("disable: %v, want %v", err, c.wantErr)
				}
			})
		}
		if u, _ := st.StaffUserByID(ctx, env.owner.ID); u.TOTPSecret != "" || u.TOTPEnabled() {
			t.Fatal("TOTP still stored after turning it off")
		}
		if left, _ := env.a.RecoveryCodesLeft(ctx, env.owner.ID); left != 0 {
			t.Fatalf("%d recovery codes kept", left)
		}
		session := env.signIn("192.0.2.1")
		if _, err := env.a.Session(ctx, session); err != nil {
			t.Fatalf("sign-in without TOTP: %v", err)
		}

		env.enableTOTP(session)
		if err := env.a.ResetTOTP(ctx, "cli", "owner@example.com"); err != nil {
			t.Fatal(err)
		}
		if _, err := env.a.Session(ctx, session); !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("a session survived the reset: %v", err)
		}
		if err := env.a.ResetTOTP(ctx, "cli", "owner@example.com"); !errors.Is(err, model.ErrTOTPState) {
			t.Fatalf("reset of nothing: %v", err)
		}
		entries, _ := st.AuditLog(ctx, 20)
		seen := map[string]string{}
		for _, e := range entries {
			seen[e.Action] = e.Actor
		}
		if seen[model.AuditTOTPEnabled] != "owner@example.com" || seen[model.AuditTOTPDisabled] != "owner@example.com" || seen[model.AuditTOTPReset] != "cli" {
			t.Fatalf("audited: %v", seen)
		}
	})
}

// wrongCode is a six-digit code other than right.
func wrongCode(right string) string {
	if right == "123456" {
		return "654321"
	}
	return "123456"
}

func lower(s string) string {
	out := []byte(s)
	for i, b := range out {
		if b >= 'A' && b <= 'Z' {
			out[i] = b + 'a' - 'A'
		}
	}
	return string(out)
}

// TestCodeAfterTOTPWentAway: a half-signed-in session whose TOTP was turned off meanwhile (from
// another browser) gets a clear state error, not a failure to open the secret.
func TestCodeAfterTOTPWentAway(t *testing.T) {
	clk := storetest.NewClock(t)
	env := newAccountsEnv(t, storetest.SQLiteAt(t, clk), clk, DefaultSettings())
	ctx := context.Background()
	env.enableTOTP(env.signIn("192.0.2.1"))
	pending := env.signIn("192.0.2.1")
	clk.Advance(time.Minute)
	if err := env.a.DisableTOTP(ctx, env.owner.ID, env.code(env.owner.ID, clk.Now()), "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.a.CompleteSignIn(ctx, pending, "123456", "192.0.2.1"); !errors.Is(err, model.ErrTOTPState) {
		t.Fatalf("code for a TOTP turned off: %v", err)
	}
}
