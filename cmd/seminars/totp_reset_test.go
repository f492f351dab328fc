package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"seminars/internal/auth"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestUserResetTOTP: an owner who lost phone and recovery codes gets two-step sign-in taken away
// on the command line; the change is audited as "cli" and their sessions end.
func TestUserResetTOTP(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	env := []string{"SEMINARS_DATABASE=" + dbPath, "SEMINARS_DEMO=false", "SEMINARS_SECRET_KEY=cli-test-secret-key-0123456789abcdef"}
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := runWithInput(ctx, []string{"user", "add", "--email", "boss@example.com"}, env, strings.NewReader("first password\n"), &out, &errOut); code != 0 {
		t.Fatalf("add: %s", errOut.String())
	}
	clk := storetest.NewClock(t)
	st, err := store.Open(ctx, dbPath, clk.Option())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := auth.New(st, auth.DefaultSettings(), clk.Now)
	keys, _ := secret.New("cli-test-secret-key-0123456789abcdef")
	a.UseSecrets(keys)
	session, _, err := a.SignIn(ctx, "boss@example.com", "first password", "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := st.StaffUserByEmail(ctx, "boss@example.com")
	if err := a.BeginTOTP(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	e, err := a.PendingEnrollment(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := totp.GenerateCodeCustom(strings.ReplaceAll(e.Secret, " ", ""), clk.Now(), totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if _, _, err := a.ConfirmTOTP(ctx, session, code, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{"no e-mail", []string{"user", "reset-2fa"}, 1, ""},
		{"unknown account", []string{"user", "reset-2fa", "--email", "nobody@example.com"}, 1, ""},
		{"reset", []string{"user", "reset-2fa", "--email", "boss@example.com"}, 0, "two-step sign-in of boss@example.com reset"},
		{"nothing left to reset", []string{"user", "reset-2fa", "--email", "boss@example.com"}, 0, "nothing to reset"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out.Reset()
			if got := run(ctx, c.args, env, &out, &errOut); got != c.wantCode || !strings.Contains(out.String(), c.wantOut) {
				t.Fatalf("exit %d (want %d), output %q: %s", got, c.wantCode, out.String(), errOut.String())
			}
		})
	}
	if _, err := a.Session(ctx, session); err == nil {
		t.Fatal("a session survived the reset")
	}
	if next, _, err := a.SignIn(ctx, "boss@example.com", "first password", "192.0.2.1"); err != nil {
		t.Fatal(err)
	} else if _, err := a.Session(ctx, next); err != nil {
		t.Fatalf("the password alone does not sign in after the reset: %v", err)
	}
	entries, _ := st.AuditLog(ctx, 10)
	audited := false
	for _, en := range entries {
		audited = audited || (en.Action == model.AuditTOTPReset && en.Actor == "cli")
	}
	if !audited {
		t.Fatal("the reset is not audited as cli")
	}
}
