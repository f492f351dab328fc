package mail_test

import (
	"bytes"
	"net/mail"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	mailpkg "seminars/internal/mail"
	"seminars/internal/model"
)

// TestAwkwardNamesEndToEnd books attendees whose names need quoting, encoding and caret-encoding
// (comma, semicolon, colon, quotes, angle brackets, umlauts, symbols), substitutes one of them, and
// reads every message back as a client would: the To header with net/mail, the invite with
// ical.js (and python-icalendar where the name needs no RFC 6868). Name and address must come
// back exactly as booked. Runes above U+FFFF are left to the unit and waiting-list tests until
// the invoice PDF attached to the confirmation renders them (issue 9, item 1).
func TestAwkwardNamesEndToEnd(t *testing.T) {
	e := newEnv(t)
	e.now = time.Date(2030, time.November, 2, 10, 0, 0, 0, time.UTC) // after the wall clock the store stamps items with
	date := e.seedDate(model.FormatInPerson, time.Date(2031, time.March, 30, 7, 0, 0, 0, time.UTC))
	res, err := e.book.Reserve(e.ctx, booking.Request{
		DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Müller & Söhne, KG; \"Nord\"", Name: "Bea ☀ Billing", Email: "billing@muster.example",
			Street: "Weg 2", PostalCode: "20095", City: "Hamburg", Country: "DE"},
		Attendees: []booking.AttendeeInput{
			{FirstName: `Anna; "Dr." <x>:y`, LastName: "Müller, ☀", Email: "anna@muster.example"},
			{FirstName: "Zoë", LastName: "O'Brien, Jr.", Email: "zoe@muster.example"},
		},
	})
	if err != nil {
		t.Fatalf("reserve: %v", err)
	}
	e.run(e.now.Add(time.Minute))
	want := map[string]string{
		"billing@muster.example": "Bea ☀ Billing",
		"anna@muster.example":    `Anna; "Dr." <x>:y Müller, ☀`,
		"zoe@muster.example":     "Zoë O'Brien, Jr.",
	}
	checkDelivered(t, e, 0, want, map[string]string{"anna@muster.example": "REQUEST", "zoe@muster.example": "REQUEST"})

	before := len(e.smtp.messages())
	anna := attendeeID(t, e, res.Booking.Reference, "anna@muster.example")
	if _, err := e.book.SubstituteByStaff(e.ctx, res.Booking.Reference, booking.Substitution{
		AttendeeID: anna, FirstName: `Carl "C."`, LastName: "Ärger; ✈", Email: "carl@muster.example"}); err != nil {
		t.Fatal(err)
	}
	e.run(e.now.Add(2 * time.Minute))
	want["carl@muster.example"] = `Carl "C." Ärger; ✈`
	checkDelivered(t, e, before, want, map[string]string{"anna@muster.example": "CANCEL", "carl@muster.example": "REQUEST"})
}

// checkDelivered reads the messages delivered since index from: each recipient's To name, and
// for those in invites the calendar's METHOD, attendee CN and address.
func checkDelivered(t *testing.T, e *env, from int, names, invites map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range e.smtp.messages()[from:] {
		addr := r.To[0]
		name, ok := names[addr]
		if !ok {
			t.Errorf("unexpected message to %s", addr)
			continue
		}
		m, err := mail.ReadMessage(bytes.NewReader(r.Raw))
		if err != nil {
			t.Fatal(err)
		}
		to, err := m.Header.AddressList("To")
		if err != nil || len(to) != 1 || to[0].Name != name || to[0].Address != addr {
			t.Errorf("To %q read back as %+v (%v), want %q <%s>", m.Header.Get("To"), to, err, name, addr)
		}
		p := parseMail(t, r)
		method, wantInvite := invites[addr]
		if !wantInvite {
			continue
		}
		seen[addr] = true
		if p.ICSFile == "" {
			t.Errorf("%s: no invite", addr)
			continue
		}
		for parser, parse := range map[string]func(testing.TB, string) mailpkg.ParsedCalendar{
			"ical.js": mailpkg.ParseWithICALJS, "python-icalendar": mailpkg.ParseWithPythonICalendar,
		} {
			t.Run(addr+"/"+method+"/"+parser, func(t *testing.T) {
				if parser == "python-icalendar" && strings.ContainsAny(name, "\"^\n") {
					t.Skip("python-icalendar 4.0.3 does not decode RFC 6868")
				}
				cal := parse(t, p.ICSFile)
				if cal.Method != method || len(cal.Events) != 1 {
					t.Fatalf("read as %+v, want one event, METHOD %s", cal, method)
				}
				ev := cal.Events[0]
				if len(ev.Attendees) != 1 || ev.Attendees[0] != (mailpkg.ParsedPerson{CN: name, Address: "mailto:" + addr}) {
					t.Errorf("attendees %+v, want %q <mailto:%s>", ev.Attendees, name, addr)
				}
				if ev.DTStart != "2031-03-30T07:00:00Z" || ev.Summary != "LinkedIn im Vertrieb" || ev.Location != "Tagungshaus Mitte, Hauptstraße 1, 10115 Berlin" {
					t.Errorf("event read as %+v", ev)
				}
			})
		}
	}
	for addr := range invites {
		if !seen[addr] {
			t.Errorf("no invite delivered to %s", addr)
		}
	}
}
