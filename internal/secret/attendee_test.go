package secret_test

import (
	"regexp"
	"strings"
	"testing"

	"seminars/internal/secret"
)

func TestAttendeeSecrets(t *testing.T) {
	k, err := secret.New("attendee-test-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	token, code := k.AttendeeToken(42, 0), k.AttendeeCode(42, 0)
	if !regexp.MustCompile(`^42-[A-Za-z0-9_-]{43}$`).MatchString(token) {
		t.Fatalf("token %q", token)
	}
	if !regexp.MustCompile(`^42-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$`).MatchString(code) {
		t.Fatalf("code %q", code)
	}
	cases := []struct {
		name      string
		presented string
		rotation  int64
		match     bool
	}{
		{"current code", code, 0, true},
		{"typed in lower case without dashes", "42-" + strings.ToLower(strings.ReplaceAll(code[3:], "-", "")), 0, true},
		{"typed with spaces", " 42 - " + code[3:], 0, true},
		{"after rotation", code, 1, false},
		{"another attendee's code", k.AttendeeCode(43, 0), 0, false},
		{"garbage", "42-XXXX-XXXX", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := k.MatchesAttendeeCode(c.presented, 42, c.rotation); got != c.match {
				t.Fatalf("MatchesAttendeeCode(%q) = %v", c.presented, got)
			}
		})
	}
	if !k.MatchesAttendeeToken(token, 42, 0) || k.MatchesAttendeeToken(token, 42, 1) || k.MatchesAttendeeToken(token[:len(token)-1], 42, 0) {
		t.Fatal("token match wrong")
	}
	ids := []struct {
		in string
		id uint
		ok bool
	}{{token, 42, true}, {code, 42, true}, {"0-abc", 0, false}, {"abc", 0, false}, {"-5", 0, false}, {"99999999999999999999-x", 0, false}}
	for _, c := range ids {
		if id, ok := secret.AttendeeID(c.in); id != c.id || ok != c.ok {
			t.Errorf("AttendeeID(%q) = %d, %v", c.in, id, ok)
		}
	}
}
