package mail_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// addStaff creates back-office accounts (email, role pairs).
func (e *env) addStaff(users ...[2]string) {
	e.t.Helper()
	err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
		for _, u := range users {
			if err := tx.CreateStaffUser(e.ctx, &model.StaffUser{Email: u[0], Role: u[1], PasswordHash: "x"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// TestInquiryMails: a new in-house inquiry tells every owner (not the assistants) what was asked,
// with a link to the inbox, and confirms it to the requester in the language of the page they
// wrote on; with no owner account yet, the seller's address gets the notice.
func TestInquiryMails(t *testing.T) {
	cases := []struct {
		name     string
		lang     string
		staff    [][2]string
		want     map[string][]string // recipient: subject, then texts in the body
		notifyTo string
	}{
		{"German, owners and an assistant", "de", [][2]string{{"owner@example.com", model.RoleOwner}, {"chef@example.com", model.RoleOwner}, {"helper@example.com", model.RoleAssistant}},
			map[string][]string{
				"kim@firma.example": {"Ihre Anfrage: Inhouse-Seminar für Firma AG", "„Social Media im Vertrieb“ für etwa 12 Teilnehmende", "März 2027"},
				"owner@example.com": {"Neue Inhouse-Anfrage: Firma AG", "Kim Kunde <kim@firma.example>", "Telefon –", "Bitte mit Praxisteil", "https://seminare.example/admin/inquiries"},
				"chef@example.com":  {"Neue Inhouse-Anfrage: Firma AG"},
			}, ""},
		{"English requester, no owner yet", "en", nil,
			map[string][]string{
				"kim@firma.example":    {"Your inquiry: in-house seminar for Firma AG", "“Social Media im Vertrieb” for about 12 attendees", "two working days"},
				"seminare@example.com": {"Neue Inhouse-Anfrage: Firma AG", "Kim Kunde"},
			}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.addStaff(tc.staff...)
				office := backoffice.New(e.st, e.book, nil, e.clock)
				i := model.InhouseInquiry{Company: "Firma AG", Name: "Kim Kunde", Email: "kim@firma.example", Topic: "Social Media im Vertrieb",
					Participants: 12, PreferredPeriod: "März 2027", Message: "Bitte mit Praxisteil.", Language: tc.lang}
				if err := office.SubmitInquiry(e.ctx, &i); err != nil {
					t.Fatal(err)
				}
				e.run(e.now.Add(time.Minute))
				e.run(e.now.Add(2 * time.Minute))
				got := e.inbox()
				if len(got) != len(tc.want) {
					t.Errorf("mail went to %d addresses, want %d: %v", len(got), len(tc.want), keys(got))
				}
				for to, want := range tc.want {
					if len(got[to]) != 1 {
						t.Fatalf("%s got %d mails, want 1", to, len(got[to]))
					}
					m := got[to][0]
					if !strings.Contains(m.Subject, want[0]) {
						t.Errorf("%s: subject %q, want %q", to, m.Subject, want[0])
					}
					text := strings.Join(strings.Fields(m.Text), " ")
					for _, w := range want[1:] {
						if !strings.Contains(text, w) {
							t.Errorf("%s: text lacks %q:\n%s", to, w, text)
						}
					}
				}
			})
		})
	}
}

func keys(m map[string][]parsedMail) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestWaitlistConfirmation: joining a waiting list is confirmed by mail in the page's language,
// with the leave link (under /en/ in English); a second place for the same address (other case,
// decomposed umlaut) is refused and mails nothing.
func TestWaitlistConfirmation(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ring, err := secret.New("mail-test-secret-key-0123456789abcdef")
		if err != nil {
			t.Fatal(err)
		}
		w := backoffice.NewWaitlist(e.st, e.book, backoffice.WaitlistSettings{OfferDuration: 48 * time.Hour, BaseURL: "https://seminare.example", MaxSeats: 10}, e.clock, quietLog())
		w.UseKeyring(ring)
		date := e.seedDate(model.FormatOnline, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
		// The date is full: nobody is offered a seat at once.
		if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.TakeSeats(e.ctx, date.ID, date.Capacity) }); err != nil {
			t.Fatal(err)
		}
		joins := []struct {
			name, email, lang string
			ok                bool
		}{
			{"German", "jürgen@muster.example", "de", true},
			{"the same, decomposed and in capitals", "JU\u0308RGEN@muster.example", "de", false},
			{"English", "Wanda@Other.example", "en", true},
			{"the same in lower case", "wanda@other.example", "en", false},
		}
		for _, j := range joins {
			entry := model.WaitlistEntry{DateID: date.ID, Name: "Wanda Wait", Email: j.email, Seats: 1, Language: j.lang}
			err := w.Join(e.ctx, &entry)
			if (err == nil) != j.ok {
				t.Fatalf("%s: join err %v, want ok %v", j.name, err, j.ok)
			}
		}
		line, _ := e.st.WaitlistForDate(e.ctx, date.ID)
		if len(line) != 2 {
			t.Fatalf("%d entries, want 2", len(line))
		}
		e.run(e.now.Add(time.Minute))
		e.run(e.now.Add(2 * time.Minute))
		got := e.inbox()
		for _, c := range []struct{ to, subject, link string }{
			{"jürgen@muster.example", "Sie stehen auf der Warteliste", "https://seminare.example/waitlist/leave/" + fmt.Sprint(line[0].ID) + "/"},
			{"Wanda@Other.example", "You are on the waiting list", "https://seminare.example/en/waitlist/leave/" + fmt.Sprint(line[1].ID) + "/"},
		} {
			if len(got[c.to]) != 1 {
				t.Fatalf("%s got %d mails, want 1 (inbox %v)", c.to, len(got[c.to]), keys(got))
			}
			m := got[c.to][0]
			if !strings.Contains(m.Subject, c.subject) || !strings.Contains(m.Text, c.link) {
				t.Errorf("%s: %q lacks %q or the link %s:\n%s", c.to, m.Subject, c.subject, c.link, m.Text)
			}
		}
		if len(got) != 2 {
			t.Errorf("mail went to %v", keys(got))
		}
	})
}
