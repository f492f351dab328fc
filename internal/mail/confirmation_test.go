package mail_test

import (
	"fmt"
	"mime"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
)

// TestBookingConfirmationMails books and checks what the billing contact and each attendee
// receive: one message each, in the booking's language, the attendee's with an invite.
func TestBookingConfirmationMails(t *testing.T) {
	cases := []struct {
		name        string
		lang        string
		format      string
		attendees   [][2]string
		billingSubj string
		attSubj     string
		where       string // venue address or joining link in the attendee mail
		prepare     string
		payment     string
		gross       string
		policy      string
		zone        string // how the mail names the zone of its times (January: winter time)
	}{
		{
			name: "german, in person, two attendees", lang: "de", format: model.FormatInPerson,
			attendees:   [][2]string{{"Anna", "anna@muster.example"}, {"Ben", "ben@muster.example"}},
			billingSubj: "bestätigt", attSubj: "Ihre Anmeldung", where: "Hauptstraße 1, 10115 Berlin",
			prepare: "Bitte bringen Sie Ihr Smartphone mit.", payment: "innerhalb von 14 Tagen", gross: "1.166,20\u00a0€",
			policy: "Kostenlos stornierbar bis 28 Tage vor Beginn, bis 14 Tage vor Beginn 50 %, danach und bei Nichterscheinen 100 % des Bruttobetrags.",
			zone:   "(Uhrzeiten in deutscher Zeit, MEZ)",
		},
		{
			name: "english, online, one attendee", lang: "en", format: model.FormatOnline,
			attendees:   [][2]string{{"Cleo", "cleo@muster.example"}},
			billingSubj: "confirmed", attSubj: "You are registered", where: "https://meet.example/room-42",
			prepare: "Please bring your smartphone.", payment: "within 14 days", gross: "€583.10",
			policy: "Free cancellation until 28 days before the start, 50 % until 14 days before the start, after that and for no-shows 100 % of the gross amount.",
			zone:   "(times in German time, CET)",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				// 09:00 in Berlin on a winter day = 08:00 UTC.
				start := time.Date(e.now.Year()+1, time.January, 12, 8, 0, 0, 0, time.UTC)
				date := e.seedDate(tc.format, start)
				res := e.reserve(date.ID, tc.lang, tc.attendees...)
				e.run(e.now.Add(time.Minute))

				inbox := e.inbox()
				if got := len(e.smtp.messages()); got != 1+len(tc.attendees) {
					t.Fatalf("got %d messages, want %d", got, 1+len(tc.attendees))
				}
				bill := only(t, inbox, "billing@muster.example")
				// The manage link opens the page in the booking's language (English under /en/).
				prefix := map[string]string{"de": "", "en": "/en"}[tc.lang]
				manageURL := "https://seminare.example" + prefix + "/b/" + res.Booking.Reference + "?t=" + res.ManageToken
				termsURL := "https://seminare.example" + prefix + "/teilnahmebedingungen"
				if !strings.Contains(bill.Text, termsURL) || !strings.Contains(bill.HTML, termsURL) {
					t.Errorf("the confirmation lacks the terms link %s", termsURL)
				}
				// The confirmation states the one cancellation policy, as the booking form did.
				if !strings.Contains(bill.Text, tc.policy) || !strings.Contains(bill.HTML, tc.policy) {
					t.Errorf("the confirmation does not state the cancellation policy %q", tc.policy)
				}
				assertMail(t, "billing", bill, tc.lang, tc.billingSubj,
					res.Booking.Reference, manageURL, tc.payment, tc.gross, "Muster GmbH" /* not shown */)
				for _, a := range tc.attendees {
					if !strings.Contains(bill.Text, a[1]) || !strings.Contains(bill.HTML, a[1]) {
						t.Errorf("billing mail does not list attendee %s", a[1])
					}
				}
				for _, a := range tc.attendees {
					m := only(t, inbox, a[1])
					if len(m.To) != 1 || m.Header.Get("To") == "" || strings.Contains(m.Header.Get("To"), ",") {
						t.Errorf("attendee mail to %s has recipients %v / To %q", a[1], m.To, m.Header.Get("To"))
					}
					assertMail(t, a[1], m, tc.lang, tc.attSubj, tc.where, tc.prepare, "09:00", tc.zone)
					// The IANA name is a setting, not words a reader uses (it stays in the .ics).
					if strings.Contains(m.Text, "Europe/Berlin") || strings.Contains(m.HTML, "Europe/Berlin") {
						t.Errorf("mail to %s names the zone Europe/Berlin", a[1])
					}
					if privacy := "https://seminare.example" + prefix + "/datenschutz"; !strings.Contains(m.Text, privacy) || !strings.Contains(m.HTML, privacy) {
						t.Errorf("the first mail to %s lacks the privacy notice %s", a[1], privacy)
					}
					for _, other := range tc.attendees {
						if other[1] != a[1] && strings.Contains(m.Raw, other[1]) {
							t.Errorf("mail to %s shows another attendee's address %s", a[1], other[1])
						}
					}
					if strings.Contains(m.Raw, res.ManageToken) || strings.Contains(m.Raw, "billing@muster.example") {
						t.Errorf("mail to %s carries the booker's manage token or address", a[1])
					}
					att := attendeeID(t, e, res.Booking.Reference, a[1])
					assertInvite(t, m, "REQUEST", fmt.Sprintf("attendee-%d-date-%d-", att, date.ID), "20"+start.Format("060102")+"T080000Z", 0)
				}
			})
		})
	}
}

// TestManageTokenLeavesTheOutbox checks that the manage link's secret, which travels through
// the outbox to reach the booker, is gone from every row once the mail is delivered.
func TestManageTokenLeavesTheOutbox(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
		res := e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
		if !outboxContains(e, res.ManageToken) {
			t.Fatal("the event should carry the token until the mail is out")
		}
		e.run(e.now.Add(time.Minute))
		if outboxContains(e, res.ManageToken) {
			t.Error("the manage token is still stored in the outbox after delivery")
		}
		if !strings.Contains(only(t, e.inbox(), "billing@muster.example").Text, res.ManageToken) {
			t.Error("the billing contact did not get the manage link")
		}
	})
}

// TestNothingTwice runs rounds again and again after delivery; nothing is sent again.
func TestNothingTwice(t *testing.T) {
	e := newEnv(t)
	date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
	e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
	for i := 1; i <= 5; i++ {
		e.run(e.now.Add(time.Duration(i) * time.Hour))
	}
	if got := len(e.smtp.messages()); got != 3 {
		t.Errorf("got %d messages after five rounds, want 3", got)
	}
}

func outboxContains(e *env, s string) bool {
	for _, it := range e.outbox() {
		if strings.Contains(it.Payload, s) {
			return true
		}
	}
	return false
}

// only returns the one message to a recipient.
func only(t *testing.T, inbox map[string][]parsedMail, to string) parsedMail {
	t.Helper()
	if len(inbox[to]) != 1 {
		t.Fatalf("%s got %d messages, want 1", to, len(inbox[to]))
	}
	return inbox[to][0]
}

// assertMail checks language, subject and that text and HTML both say each of want (the last
// argument of billing calls is a sanity value that may or may not appear).
func assertMail(t *testing.T, who string, m parsedMail, lang, subject string, want ...string) {
	t.Helper()
	if got := m.Header.Get("Content-Language"); got != lang {
		t.Errorf("%s: Content-Language %q, want %q", who, got, lang)
	}
	if !strings.Contains(m.Subject, subject) {
		t.Errorf("%s: subject %q does not contain %q", who, m.Subject, subject)
	}
	if m.Header.Get("Message-Id") == "" || m.Header.Get("Date") == "" {
		t.Errorf("%s: Message-ID or Date missing", who)
	}
	for _, w := range want {
		if w == "Muster GmbH" {
			continue
		}
		if !strings.Contains(m.Text, w) {
			t.Errorf("%s: text part lacks %q:\n%s", who, w, m.Text)
		}
		if !strings.Contains(m.HTML, strings.ReplaceAll(w, "&", "&amp;")) && !strings.Contains(m.HTML, w) {
			t.Errorf("%s: HTML part lacks %q", who, w)
		}
	}
}

// assertInvite checks the calendar invite, both as alternative and as attachment: typed
// text/calendar with the method, CRLF line ends, and read back by ical.js as meant. uidPrefix is
// "attendee-<id>-date-<id>-" (the holder's hash follows); the UID is returned.
func assertInvite(t *testing.T, m parsedMail, method, uidPrefix, dtstart string, sequence int) string {
	t.Helper()
	if m.ICSFile == "" || m.Calendar == "" {
		t.Fatalf("invite missing (attachment %d bytes, alternative %d bytes)", len(m.ICSFile), len(m.Calendar))
	}
	if m.ICSFile != m.Calendar {
		t.Errorf("attachment and alternative differ")
	}
	for _, ct := range []string{m.CalType, m.ICSType} {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil || mt != "text/calendar" || params["method"] != method || !strings.EqualFold(params["charset"], "utf-8") {
			t.Errorf("calendar part typed %q, want text/calendar; charset=UTF-8; method=%s", ct, method)
		}
	}
	if strings.Count(m.ICSFile, "\n") != strings.Count(m.ICSFile, "\r\n") {
		t.Errorf("invite has bare LF line ends")
	}
	ics := unfold(m.ICSFile)
	uid := regexp.MustCompile(`(?m)^UID:(` + regexp.QuoteMeta(uidPrefix) + `[0-9a-f]{8}@seminare\.example)\r$`).FindStringSubmatch(ics)
	if uid == nil {
		t.Fatalf("invite has no UID %s…:\n%s", uidPrefix, ics)
	}
	for _, want := range []string{"METHOD:" + method, "DTSTART:" + dtstart, fmt.Sprintf("SEQUENCE:%d", sequence)} {
		if !strings.Contains(ics, want+"\r\n") {
			t.Errorf("invite lacks %q:\n%s", want, ics)
		}
	}
	if reason := mail.ICALJSReady(); reason != "" && os.Getenv("CI") != "true" {
		t.Logf("not reading the invite with ical.js: %s", reason)
		return uid[1]
	}
	cal := mail.ParseWithICALJS(t, m.ICSFile)
	if cal.Method != method || len(cal.Events) != 1 || cal.Events[0].UID != uid[1] || cal.Events[0].Sequence != sequence ||
		len(cal.Events[0].Attendees) != 1 || "mailto:"+m.To[0] != cal.Events[0].Attendees[0].Address {
		t.Errorf("ical.js read the invite as %+v", cal)
	}
	return uid[1]
}

// unfold joins iCalendar's folded lines.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func attendeeID(t testing.TB, e *env, reference, email string) uint {
	t.Helper()
	b, err := e.st.BookingByReference(e.ctx, reference)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range b.Attendees {
		if a.Email == email {
			return a.ID
		}
	}
	t.Fatalf("no attendee %s", email)
	return 0
}
