package model_test

import (
	"errors"
	"strings"
	"testing"

	"seminars/internal/model"
)

func TestTextRule(t *testing.T) {
	cases := []struct {
		name      string
		rule      func(field, value string, max int) (string, error)
		value     string
		max       int
		want      string
		wantError model.Reason
	}{
		{"plain", model.Line, "  Müller GmbH ", 50, "Müller GmbH", ""},
		{"emoji above U+FFFF", model.Line, "Café 😀", 50, "Café 😀", ""},
		{"CJK", model.Line, "株式会社", 4, "株式会社", ""},
		{"right to left with marks", model.Line, "שלום\u200fעולם", 50, "שלום\u200fעולם", ""},
		{"combining marks become NFC", model.Line, "Zoe\u0308", 3, "Zoë", ""},
		{"length counts characters after NFC", model.Line, "e\u0301e\u0301", 2, "éé", ""},
		{"one too long", model.Line, "abc", 2, "", model.ReasonTooLong},
		{"NUL", model.Line, "a\x00b", 50, "", model.ReasonControl},
		{"tab in one line", model.Line, "a\tb", 50, "", model.ReasonControl},
		{"escape", model.Line, "a\x1b[31m", 50, "", model.ReasonControl},
		{"C1 control", model.Line, "a\u0090b", 50, "", model.ReasonControl},
		{"byte-order noncharacter", model.Line, "a\ufffe", 50, "", model.ReasonControl},
		{"CR LF", model.Line, "Max\r\nBcc: x", 50, "", model.ReasonLineBreak},
		{"line separator", model.Line, "a\u2028b", 50, "", model.ReasonLineBreak},
		{"invalid UTF-8", model.Line, "Firma\xff\xfe", 50, "", model.ReasonInvalidUTF8},
		{"required and empty", model.RequiredLine, "   ", 50, "", model.ReasonRequired},
		{"paragraphs keep LF and TAB", model.Paragraphs, "a\r\n\tb\rc", 50, "a\n\tb\nc", ""},
		{"paragraphs refuse NUL", model.Paragraphs, "a\n\x00", 50, "", model.ReasonControl},
		{"paragraphs refuse invalid UTF-8", model.Paragraphs, "\xc3", 50, "", model.ReasonInvalidUTF8},
		{"display name with quotes and brackets", model.DisplayName, `Anna "Dr." <x>`, 50, `Anna "Dr." <x>`, ""},
		{"display name carrying an address", model.DisplayName, "Eve <boss@example.com>", 50, "", model.ReasonDisplayName},
		{"display name over two lines", model.DisplayName, "Eve\nBcc: x", 50, "", model.ReasonLineBreak},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.rule("field", tc.value, tc.max)
			var fe *model.FieldError
			switch {
			case tc.wantError == "" && (err != nil || got != tc.want):
				t.Fatalf("got %+q, %v; want %+q", got, err, tc.want)
			case tc.wantError != "" && (!errors.As(err, &fe) || fe.Reason != tc.wantError || fe.Field != "field"):
				t.Fatalf("got %+q, %v; want reason %s", got, err, tc.wantError)
			}
		})
	}
}

func TestAddressesAndIDs(t *testing.T) {
	emails := []struct {
		value string
		email bool // a customer's address
		box   bool // any address (staff)
	}{
		{"anna@firma.example", true, true},
		{"admin@localhost", false, true},
		{"Anna <anna@firma.example>", false, false},
		{"anna\x00@firma.example", false, false},
		{strings.Repeat("a", 250) + "@x.de", false, false},
		{"", false, false},
	}
	for _, tc := range emails {
		_, errEmail := model.Email("e", tc.value)
		_, errBox := model.Mailbox("e", tc.value)
		if (errEmail == nil) != tc.email || (errBox == nil) != tc.box {
			t.Errorf("%+q: Email %v, Mailbox %v", tc.value, errEmail, errBox)
		}
	}
	ids := []struct {
		value string
		want  uint
	}{
		{"1", 1}, {"0042", 42}, {"9223372036854775807", 9223372036854775807},
		{"9223372036854775808", 0}, {"0", 0}, {"-1", 0}, {"+1", 0}, {" 1", 0}, {"1.0", 0}, {"", 0}, {"%00", 0},
	}
	for _, tc := range ids {
		got, err := model.ParseID("id", tc.value)
		if got != tc.want || (err == nil) != (tc.want != 0) {
			t.Errorf("ParseID(%q) = %d, %v; want %d", tc.value, got, err, tc.want)
		}
	}
	if _, err := model.CheckID("date_id", 1<<63); err == nil {
		t.Error("CheckID accepted 2^63")
	}
}
