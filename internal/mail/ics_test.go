package mail

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"seminars/internal/model"
)

// TestInviteReadsBackInOutsideParsers builds invites for awkward names and texts and checks
// that ical.js (and, where it can, python-icalendar) reads back exactly what was meant, and
// that the file is well-formed: CRLF only, no line over 75 octets, no UTF-8 sequence split.
func TestInviteReadsBackInOutsideParsers(t *testing.T) {
	start := time.Date(2027, time.March, 28, 7, 0, 0, 0, time.UTC) // 09:00 Berlin, the day after DST starts
	cases := []struct {
		name      string
		attendee  Address
		organizer string
		title     string
		location  string
		desc      string
		cancel    bool
		quoted    string // the CN as it must appear in the unfolded ATTENDEE line
	}{
		{name: "plain name", attendee: Address{Name: "Anna Muster", Email: "anna@muster.example"},
			title: "LinkedIn im Vertrieb", location: "Tagungshaus, Hauptstraße 1", quoted: "CN=Anna Muster;"},
		{name: "comma in name is quoted", attendee: Address{Name: "Müller, Anna", Email: "anna@muster.example"},
			title: "LinkedIn", quoted: `CN="Müller, Anna";`},
		{name: "quote, angle brackets, colon and semicolon", attendee: Address{Name: `Müller, Anna; "Dr." <x>:y`, Email: "anna@muster.example"},
			title: "LinkedIn", quoted: `CN="Müller, Anna; ^'Dr.^' <x>:y";`},
		{name: "caret and line break are caret-encoded", attendee: Address{Name: "A^B\nC", Email: "ab@muster.example"},
			title: "LinkedIn", quoted: "CN=A^^B^nC;"},
		{name: "emoji name folded without splitting a rune", attendee: Address{Name: strings.Repeat("😀", 30) + " Ümit", Email: "emoji@muster.example"},
			title: "Social Media 🚀 " + strings.Repeat("äöü", 20), quoted: `CN=` + strings.Repeat("😀", 30) + " Ümit;"},
		{name: "organizer with comma, text with special characters", attendee: Address{Name: "Ben", Email: "ben@muster.example"},
			organizer: "Kompetenz, Social Media; GmbH", title: `Recht; Steuern, "Praxis" \ Teil 2`,
			location: "Raum 1; Etage 2, Haus \"Nord\"", desc: "Zeile 1\r\nZeile 2\n\nBitte: Laptop; Ladekabel, Maus",
			quoted: "CN=Ben;"},
		{name: "cancellation", attendee: Address{Name: "Zoë O'Brien", Email: "zoe@muster.example"},
			title: "LinkedIn", cancel: true, quoted: "CN=Zoë O'Brien;"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			org := Address{Name: "Social Media Kompetenz", Email: "seminare@example.com"}
			if tc.organizer != "" {
				org.Name = tc.organizer
			}
			date := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Sequence: 3}
			uid := inviteUID(7, 9, tc.attendee, "seminare.example")
			inv, err := buildInvite(inviteInput{UID: uid, Cancel: tc.cancel, Date: date, Title: tc.title,
				Description: tc.desc, Location: tc.location, Attendee: tc.attendee, Organizer: org, Stamp: start.Add(-48 * time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			assertWellFormed(t, inv.Content)
			if !strings.Contains(strings.ReplaceAll(inv.Content, "\r\n ", ""), "ATTENDEE;"+tc.quoted) {
				t.Errorf("ATTENDEE line lacks %q:\n%s", tc.quoted, inv.Content)
			}
			method, seq, status := "REQUEST", 3, "CONFIRMED"
			if tc.cancel {
				method, seq, status = "CANCEL", 4, "CANCELLED"
			}
			want := ParsedEvent{
				UID: uid, Sequence: seq, Status: status, DTStart: "2027-03-28T07:00:00Z", DTEnd: "2027-03-28T15:00:00Z",
				Summary: tc.title, Location: tc.location, Description: strings.ReplaceAll(tc.desc, "\r\n", "\n"),
				Organizer: &ParsedPerson{CN: org.Name, Address: "mailto:" + org.Email},
				Attendees: []ParsedPerson{{CN: tc.attendee.Name, Address: "mailto:" + tc.attendee.Email}},
			}
			if inv.Method != method {
				t.Errorf("Invite.Method %q, want %q", inv.Method, method)
			}
			t.Run("ical.js", func(t *testing.T) {
				checkParsed(t, ParseWithICALJS(t, inv.Content), method, want)
			})
			t.Run("python-icalendar", func(t *testing.T) {
				if strings.ContainsAny(tc.attendee.Name+org.Name, "\"^\n") {
					t.Skip("python-icalendar 4.0.3 does not decode RFC 6868")
				}
				checkParsed(t, ParseWithPythonICalendar(t, inv.Content), method, want)
			})
		})
	}
}

func checkParsed(t *testing.T, got ParsedCalendar, method string, want ParsedEvent) {
	t.Helper()
	if got.Method != method {
		t.Errorf("METHOD %q, want %q", got.Method, method)
	}
	if len(got.Events) != 1 {
		t.Fatalf("%d events, want 1", len(got.Events))
	}
	ev := got.Events[0]
	if ev.Organizer == nil || *ev.Organizer != *want.Organizer {
		t.Errorf("organizer %+v, want %+v", ev.Organizer, want.Organizer)
	}
	if len(ev.Attendees) != 1 || ev.Attendees[0] != want.Attendees[0] {
		t.Errorf("attendees %+v, want %+v", ev.Attendees, want.Attendees)
	}
	ev.Organizer, ev.Attendees = want.Organizer, want.Attendees
	if ev.UID != want.UID || ev.Sequence != want.Sequence || ev.Status != want.Status || ev.DTStart != want.DTStart ||
		ev.DTEnd != want.DTEnd || ev.Summary != want.Summary || ev.Location != want.Location || ev.Description != want.Description {
		t.Errorf("event read back as\n%+v\nwant\n%+v", ev, want)
	}
}

// assertWellFormed checks RFC 5545 §3.1: every line ends in CRLF, none is longer than 75
// octets, and folding never splits a UTF-8 sequence.
func assertWellFormed(t *testing.T, ics string) {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") {
		t.Errorf("calendar does not end in CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
	}
}

// TestFoldLines checks folding on its own: at 75 octets, continuation lines of a space and 74
// octets, multi-byte runes kept whole.
func TestFoldLines(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"short line unchanged", "A:b\r\n", "A:b\r\n"},
		{"exactly 75 octets unchanged", "X:" + strings.Repeat("a", 73) + "\r\n", "X:" + strings.Repeat("a", 73) + "\r\n"},
		{"76 octets folded", "X:" + strings.Repeat("a", 74) + "\r\n", "X:" + strings.Repeat("a", 73) + "\r\n a\r\n"},
		{"rune across the limit moves to the next line", "X:" + strings.Repeat("a", 72) + "ü" + "\r\n",
			"X:" + strings.Repeat("a", 72) + "\r\n ü\r\n"},
		{"four-byte runes", "X:" + strings.Repeat("😀", 40) + "\r\n",
			"X:" + strings.Repeat("😀", 18) + "\r\n " + strings.Repeat("😀", 18) + "\r\n " + strings.Repeat("😀", 4) + "\r\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := foldLines(tc.in)
			if got != tc.want {
				t.Errorf("foldLines:\n got %q\nwant %q", got, tc.want)
			}
			assertWellFormed(t, got)
			if strings.ReplaceAll(got, "\r\n ", "") != tc.in {
				t.Errorf("unfolding does not give back the input")
			}
		})
	}
}

// TestFoldLinesCutsBytesThatAreNotUTF8 guards the rune-boundary search: a run of bytes with no
// rune start (not UTF-8 at all) is cut at the limit instead of looping forever.
func TestFoldLinesCutsBytesThatAreNotUTF8(t *testing.T) {
	in := "X:" + strings.Repeat("\x80", 200) + "\r\n"
	got := foldLines(in)
	for i, line := range strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets", i+1, len(line))
		}
	}
	if strings.ReplaceAll(got, "\r\n ", "") != in {
		t.Errorf("unfolding does not give back the input")
	}
}
