package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
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
