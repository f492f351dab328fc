package mail_test

import (
	"bytes"
	"net/mail"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
)

// TestRecipientNamesSurviveTheHeader mails a waiting-list offer (whose name and address come
// straight from the event, with no booking form in between) to awkward names through the
// in-process SMTP server and reads the headers back with net/mail: the same name and address
// must come out, From included.
func TestRecipientNamesSurviveTheHeader(t *testing.T) {
	cases := []struct {
		name     string
		to       string
		wantName string // "" = the name itself
	}{
		{name: "plain", to: "Anna Muster"},
		{name: "comma", to: "Müller, Anna"},
		{name: "quote, angle brackets, colon and semicolon", to: `Müller, Anna; "Dr." <x>:y`},
		{name: "ascii name that looks like an address", to: `"Dr." <evil@attacker.example>, x@y`},
		{name: "backslash and apostrophe", to: `O'Brien \ Co`},
		{name: "emoji", to: "😀 Ümit 🚀"},
		{name: "long non-ASCII name across header lines", to: strings.Repeat("Größenwahn-Überprüfung ", 6) + "Ende"},
		{name: "line break in the name becomes a space", to: "Anna\r\nBcc: evil@attacker.example", wantName: "Anna Bcc: evil@attacker.example"},
		{name: "no name", to: ""},
	}
	e := newEnv(t)
	e.now = time.Date(2030, time.November, 2, 10, 0, 0, 0, time.UTC) // after the wall clock the store stamps items with
	date := e.seedDate(model.FormatOnline, time.Date(2031, time.January, 12, 8, 0, 0, 0, time.UTC))
	for i, tc := range cases {
		e.notify("addr-"+tc.name, model.EventPayload{Event: model.EventWaitlistOffer, DateID: date.ID, Lang: "de", Extra: model.EventExtra{
			Name: tc.to, Email: "w" + string(rune('a'+i)) + "@muster.example", Until: "2030-11-04T10:00:00Z",
		}})
	}
	e.run(e.now.Add(time.Minute))
	got := map[string]received{}
	for _, r := range e.smtp.messages() {
		got[r.To[0]] = r
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			addr := "w" + string(rune('a'+i)) + "@muster.example"
			r, ok := got[addr]
			if !ok {
				t.Fatalf("nothing delivered to %s: %s", addr, lastError(e, addr))
			}
			if len(r.To) != 1 {
				t.Errorf("envelope recipients %v, want only %s", r.To, addr)
			}
			m, err := mail.ReadMessage(bytes.NewReader(r.Raw))
			if err != nil {
				t.Fatal(err)
			}
			to, err := m.Header.AddressList("To")
			if err != nil {
				t.Fatalf("To %q: %v", m.Header.Get("To"), err)
			}
			want := tc.wantName
			if want == "" {
				want = tc.to
			}
			if len(to) != 1 || to[0].Name != want || to[0].Address != addr {
				t.Errorf("To %q read back as %+v, want %q <%s>", m.Header.Get("To"), to, want, addr)
			}
			from, err := m.Header.AddressList("From")
			if err != nil || len(from) != 1 || from[0].Name != "Seminare" || from[0].Address != "seminare@example.com" {
				t.Errorf("From %q read back as %+v (%v)", m.Header.Get("From"), from, err)
			}
			if m.Header.Get("Bcc") != "" || len(m.Header["Bcc"]) > 0 {
				t.Errorf("a Bcc header got in: %q", m.Header.Get("Bcc"))
			}
		})
	}
}

// lastError is the recorded error of the message to addr, to say why it was not delivered.
func lastError(e *env, addr string) string {
	for _, item := range e.outbox() {
		if strings.HasSuffix(item.Key, ":"+addr) {
			return item.Status + ": " + item.LastError
		}
	}
	return "no message queued"
}
