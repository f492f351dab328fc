package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/feedback"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// TestFeedbackSurveyMail: after the date the survey mail reaches, through the SMTP server, each
// checked-in attendee who agreed to be asked — once, in the booking's language, with the secret
// link to their survey — and nobody else: not an attendee who did not agree, not one who was not
// checked in, not one who withdrew consent after the request was recorded. Its body is not kept
// once delivered (the link is a secret).
func TestFeedbackSurveyMail(t *testing.T) {
	keys, err := secret.New("mail-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	eachEnv(t, func(t *testing.T, e *env) {
		e.worker.UseKeyring(keys)
		survey := feedback.New(e.st, feedback.Settings{Days: 14}, e.clock)
		date := e.seedDate(model.FormatInPerson, e.now.Add(24*time.Hour).Truncate(time.Hour))
		de := e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"},
			[2]string{"Cleo", "cleo@muster.example"}, [2]string{"Eve", "eve@muster.example"})
		en := e.reserve(date.ID, "en", [2]string{"Dan", "dan@muster.example"})
		e.run(e.now.Add(time.Minute)) // the confirmations
		attendees := map[string]model.Attendee{}
		for _, b := range []model.Booking{de.Booking, en.Booking} {
			for _, a := range b.Attendees {
				attendees[a.FirstName] = a
			}
		}
		e.now = date.StartsAt.Add(time.Hour)
		day := date.StartsAt.In(e.berlin).Format(time.DateOnly)
		for _, name := range []string{"Anna", "Ben", "Dan", "Eve"} {
			err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
				_, err := tx.CheckInAttendee(e.ctx, date.ID, attendees[name].ID, day, e.now, "test")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range []string{"Anna", "Cleo", "Dan", "Eve"} {
			if err := survey.SetConsent(e.ctx, attendees[name], true, model.ConsentAttendeePage); err != nil {
				t.Fatal(err)
			}
		}
		e.now = date.EndsAt.Add(30 * time.Minute)
		if n, err := survey.RequestDue(e.ctx, e.now); err != nil || n != 3 {
			t.Fatalf("RequestDue = %d, %v; want 3 (Anna, Dan, Eve)", n, err)
		}
		if err := survey.SetConsent(e.ctx, attendees["Eve"], false, model.ConsentAttendeePage); err != nil {
			t.Fatal(err)
		}
		before := len(e.smtp.messages())
		e.run(e.now)
		e.run(e.now.Add(time.Hour))
		if n, err := survey.RequestDue(e.ctx, e.now.Add(2*time.Hour)); err != nil || n != 0 {
			t.Fatalf("second RequestDue = %d, %v; want 0", n, err)
		}
		e.run(e.now.Add(2 * time.Hour))

		got := map[string]parsedMail{}
		for _, m := range e.smtp.messages()[before:] {
			p := parseMail(t, m)
			if strings.Contains(p.Subject, "Wie war") || strings.Contains(p.Subject, "How was") {
				for _, to := range m.To {
					if _, twice := got[to]; twice {
						t.Errorf("%s got the survey twice", to)
					}
					got[to] = p
				}
			}
		}
		want := map[string]struct{ subject, link string }{
			"anna@muster.example": {"Wie war „LinkedIn im Vertrieb“?", "https://seminare.example/a/" + keys.AttendeeToken(attendees["Anna"].ID, 0) + "/feedback"},
			"dan@muster.example":  {"How was “LinkedIn for sales”?", "https://seminare.example/en/a/" + keys.AttendeeToken(attendees["Dan"].ID, 0) + "/feedback"},
		}
		if len(got) != len(want) {
			t.Errorf("survey mails went to %v, want Anna and Dan only", keysOf(got))
		}
		for to, w := range want {
			m, ok := got[to]
			if !ok {
				t.Errorf("%s got no survey mail", to)
				continue
			}
			if !strings.HasPrefix(m.Subject, w.subject) || !strings.Contains(m.Text, w.link) || !strings.Contains(m.HTML, w.link) {
				t.Errorf("%s: subject %q, link %s in text %v, html %v", to, m.Subject, w.link, strings.Contains(m.Text, w.link), strings.Contains(m.HTML, w.link))
			}
		}
		for _, item := range e.outbox() {
			if item.Topic == model.TopicMailSend && strings.Contains(item.Payload, "/feedback") {
				t.Errorf("a delivered survey mail keeps its secret link: %.200s", item.Payload)
			}
		}
	})
}

func keysOf(m map[string]parsedMail) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
