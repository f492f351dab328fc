package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"seminars/internal/store/storetest"

	"seminars/internal/auth"
	"seminars/internal/store"
)

func TestUserAdd(t *testing.T) {
	env := []string{"SEMINARS_DATABASE=" + filepath.Join(t.TempDir(), "s.db"), "SEMINARS_DEMO=false"}
	cases := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  string
	}{
		{"owner from stdin", []string{"user", "add", "--email", "boss@example.com", "--role", "owner", "--password-stdin"}, "a long password\n", 0, "created owner boss@example.com"},
		{"same e-mail again", []string{"user", "add", "--email", "boss@example.com"}, "a long password\n", 1, "email"},
		{"short password", []string{"user", "add", "--email", "a@example.com"}, "short\n", 1, "password"},
		{"no password", []string{"user", "add", "--email", "b@example.com"}, "", 1, "standard input"},
		{"unknown role", []string{"user", "add", "--email", "c@example.com", "--role", "king"}, "a long password\n", 1, "role"},
		{"NUL in the e-mail", []string{"user", "add", "--email", "d\x00@example.com"}, "a long password\n", 1, "--email: This contains a control character"},
		{"invalid UTF-8 in the e-mail", []string{"user", "add", "--email", "\xff@example.com"}, "a long password\n", 1, "--email: This contains bytes that are not text"},
		{"10000-character e-mail", []string{"user", "add", "--email", strings.Repeat("x", 10000) + "@example.com"}, "a long password\n", 1, "--email: Please enter a valid e-mail address"},
		{"token name over two lines", []string{"token", "create", "--name", "Export\nBcc"}, "", 1, "--name: Please keep this on one line"},
		{"token name with NUL", []string{"token", "create", "--name", "Export\x00"}, "", 1, "--name: This contains a control character"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runWithInput(context.Background(), c.args, env, strings.NewReader(c.stdin), &out, &errOut)
			if code != c.wantCode || !strings.Contains(out.String()+errOut.String(), c.wantOut) {
				t.Fatalf("code %d (want %d), output %q %q, want %q", code, c.wantCode, out.String(), errOut.String(), c.wantOut)
			}
		})
	}
}

func TestTokenCreatePrintsWorkingToken(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	env := []string{"SEMINARS_DATABASE=" + dbPath, "SEMINARS_DEMO=false"}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"token", "create", "--name", "X"}, env, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	words := strings.Fields(out.String())
	token := words[len(words)-1]

	st, err := store.Open(context.Background(), dbPath, storetest.NewClock(t).Option())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := auth.New(st, auth.DefaultSettings(), st.Now)
	if _, err := a.CheckAPIToken(context.Background(), token); err != nil {
		t.Fatalf("printed token %q does not work: %v", token, err)
	}
	if code := run(context.Background(), []string{"token", "create"}, env, &out, &errOut); code == 0 {
		t.Fatal("a token without a name was created")
	}
}

// TestCommandsAreAudited: users and tokens made on the command line go through the back
// office's use cases, so the audit log names "cli" for them as it names a person for the page.
func TestCommandsAreAudited(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	env := []string{"SEMINARS_DATABASE=" + dbPath, "SEMINARS_DEMO=false"}
	var out, errOut bytes.Buffer
	if code := runWithInput(context.Background(), []string{"user", "add", "--email", "assist@example.com", "--role", "assistant"}, env,
		strings.NewReader("a long enough password\n"), &out, &errOut); code != 0 {
		t.Fatalf("user add: exit %d: %s", code, errOut.String())
	}
	if code := run(context.Background(), []string{"token", "create", "--name", "Zapier"}, env, &out, &errOut); code != 0 {
		t.Fatalf("token create: exit %d: %s", code, errOut.String())
	}
	st, err := store.Open(context.Background(), dbPath, storetest.NewClock(t).Option())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.AuditLog(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, e := range entries {
		if e.Actor == "cli" {
			seen = append(seen, e.Action+" "+e.Subject+" "+e.Detail)
		}
	}
	if all := strings.Join(seen, "\n"); len(seen) != 2 || !strings.Contains(all, "assist@example.com") || !strings.Contains(all, "Zapier") {
		t.Fatalf("audit entries by cli: %q", seen)
	}
}

func TestUserPasswd(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	env := []string{"SEMINARS_DATABASE=" + dbPath, "SEMINARS_DEMO=false"}
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if code := runWithInput(ctx, []string{"user", "add", "--email", "boss@example.com"}, env, strings.NewReader("first password\n"), &out, &errOut); code != 0 {
		t.Fatalf("add: %s", errOut.String())
	}
	st, err := store.Open(ctx, dbPath, storetest.NewClock(t).Option())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := auth.New(st, auth.DefaultSettings(), st.Now)
	session, _, err := a.SignIn(ctx, "boss@example.com", "first password", "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
	}{
		{"unknown account", []string{"user", "passwd", "--email", "nobody@example.com"}, "second password\n", 1},
		{"too short", []string{"user", "passwd", "--email", "boss@example.com"}, "short\n", 1},
		{"no e-mail", []string{"user", "passwd"}, "second password\n", 1},
		{"new password", []string{"user", "passwd", "--email", "boss@example.com"}, "second password\n", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if code := runWithInput(ctx, c.args, env, strings.NewReader(c.stdin), &out, &errOut); code != c.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, c.wantCode, errOut.String())
			}
		})
	}
	if _, err := a.Session(ctx, session); err == nil {
		t.Fatal("the old session survived the password change")
	}
	if _, _, err := a.SignIn(ctx, "boss@example.com", "second password", "192.0.2.1"); err != nil {
		t.Fatalf("the new password does not work: %v", err)
	}
}
