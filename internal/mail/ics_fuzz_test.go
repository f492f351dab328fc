package mail

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"seminars/internal/model"
)

// FuzzBuildInvite builds invites from arbitrary names and texts: building never fails for an
// address without line breaks, every line is CRLF-terminated, at most 75 octets and valid
// UTF-8, and a decoder reads back the attendee's name (RFC 6868 undone) and the texts as meant.
func FuzzBuildInvite(f *testing.F) {
	f.Add(`Müller, Anna; "Dr." <x>:y`, "anna@example.com", "LinkedIn; im, Vertrieb \\", "Raum 1, Haus \"Nord\"", "Zeile 1\nZeile 2")
	f.Add(strings.Repeat("😀", 40), "e@example.com", strings.Repeat("äöü", 40), "", "")
	f.Add("A^B\r\nC\x00\xff", "a@example.com", "\x01Titel", "Ort\r\n", "^n\\n")
	start := time.Date(2027, time.January, 12, 8, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, name, email, title, location, desc string) {
		inv, err := buildInvite(inviteInput{UID: "u@seminare.example", Date: model.SeminarDate{StartsAt: start, EndsAt: start.Add(time.Hour)},
			Title: title, Location: location, Description: desc, Attendee: Address{Name: name, Email: email},
			Organizer: Address{Name: "Seminare", Email: "seminare@example.com"}, Stamp: start})
		if err != nil {
			if !errors.Is(err, ErrPermanent) {
				t.Fatalf("error %v is not ErrPermanent", err)
			}
			if !strings.ContainsAny(email, "\r\n") {
				t.Fatalf("building failed for an address without line breaks: %v", err)
			}
			return
		}
		for i, line := range strings.Split(strings.TrimSuffix(inv.Content, "\r\n"), "\r\n") {
			if len(line) > maxLineOctets || strings.ContainsAny(line, "\r\n") || (utf8.ValidString(email) && !utf8.ValidString(line)) {
				t.Fatalf("line %d malformed: %q", i+1, line)
			}
		}
		cal, err := ical.NewDecoder(strings.NewReader(inv.Content)).Decode()
		if err != nil {
			t.Fatalf("decode: %v\n%s", err, inv.Content)
		}
		ev := cal.Children[0]
		att := ev.Props.Get(ical.PropAttendee)
		if att == nil {
			t.Fatalf("no attendee:\n%s", inv.Content)
		}
		if got, want := undoRFC6868(att.Params.Get(ical.ParamCommonName)), cleanName(name); got != want {
			t.Errorf("CN read back as %q, want %q", got, want)
		}
		if got, _ := ev.Props.Text(ical.PropSummary); got != calendarText(title) {
			t.Errorf("SUMMARY read back as %q, want %q", got, calendarText(title))
		}
	})
}

// cleanName is what an attendee's name can be in a parameter: line breaks kept as "\n", other
// control characters and bytes that are not UTF-8 left out.
func cleanName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r == utf8.RuneError || unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
}

// undoRFC6868 decodes ^^, ^' and ^n as a parser that knows RFC 6868 does.
func undoRFC6868(s string) string {
	return strings.NewReplacer("^^", "^", "^'", `"`, "^n", "\n").Replace(s)
}
