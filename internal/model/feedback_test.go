package model

import (
	"errors"
	"strings"
	"testing"
)

// TestQuoteSignature: a public quote is signed with the first name, the initial of the last name
// and the role, never the full name.
func TestQuoteSignature(t *testing.T) {
	cases := []struct{ name, first, last, role, want string }{
		{"with role", "Anna", "Müller", "Marketing", "Anna M., Marketing"},
		{"without role", "Anna", "Müller", "", "Anna M."},
		{"umlaut initial", "Jörg", "Übel", " Vertrieb ", "Jörg Ü., Vertrieb"},
		{"no last name", "Cher", "", "", "Cher"},
		{"CJK", "美咲", "佐藤", "人事", "美咲 佐., 人事"},
	}
	for _, c := range cases {
		if got := QuoteSignature(c.first, c.last, c.role); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if c.role != "" && QuoteRoleOf(QuoteSignature(c.first, c.last, c.role)) != strings.TrimSpace(c.role) {
			t.Errorf("%s: the role does not read back", c.name)
		}
	}
}

// TestCheckFeedbackAnswer: every refused field at once, with its message key.
func TestCheckFeedbackAnswer(t *testing.T) {
	cases := []struct {
		name string
		in   FeedbackAnswer
		want map[string]string
	}{
		{"fine", FeedbackAnswer{Content: 1, Trainer: 5, Organisation: 3}, nil},
		{"out of range", FeedbackAnswer{Content: 0, Trainer: 6, Organisation: -1},
			map[string]string{"content": "feedback.error.rating", "trainer": "feedback.error.rating", "organisation": "feedback.error.rating"}},
		{"quote without comment", FeedbackAnswer{Content: 5, Trainer: 5, Organisation: 5, Comment: "  ", QuoteConsent: true},
			map[string]string{"comment": "feedback.error.quote_needs_comment"}},
		{"comment too long", FeedbackAnswer{Content: 5, Trainer: 5, Organisation: 5, Comment: strings.Repeat("x", MaxFeedbackCommentLen+1)},
			map[string]string{"comment": "error.too_long"}},
		{"NUL in the role", FeedbackAnswer{Content: 5, Trainer: 5, Organisation: 5, QuoteRole: "a\x00"},
			map[string]string{"quote_role": "error.control_char"}},
	}
	for _, c := range cases {
		_, err := CheckFeedbackAnswer(c.in)
		var invalid *ValidationError
		if c.want == nil {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		if !errors.As(err, &invalid) || len(invalid.Fields) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
			continue
		}
		for f, key := range c.want {
			if invalid.Fields[f] != key {
				t.Errorf("%s: %s = %q, want %q", c.name, f, invalid.Fields[f], key)
			}
		}
	}
}
