package mail_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/model"
	"seminars/internal/store"
)

// TestRunDecisionMails follows a date below its minimum through its run decision on both
// databases: inside decision_days every owner (no assistant) gets one "decision due" mail however
// often the job and the worker run; when the trainer confirms the date, each billing contact and
// each attendee hear that it takes place, in the booking's language, and no further decision mail
// goes out.
func TestRunDecisionMails(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
			for _, u := range []model.StaffUser{
				{Email: "owner@example.com", Role: model.RoleOwner, PasswordHash: "x"},
				{Email: "helper@example.com", Role: model.RoleAssistant, PasswordHash: "x"},
			} {
				if err := tx.CreateStaffUser(e.ctx, &u); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		date := e.seedDate(model.FormatInPerson, e.now.Add(20*24*time.Hour).Truncate(time.Hour))
		date.MinParticipants = 5
		if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.UpdateDate(e.ctx, &date) }); err != nil {
			t.Fatal(err)
		}
		e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
		e.reserve(date.ID, "en", [2]string{"Ben", "ben@muster.example"}, [2]string{"Cem", "cem@muster.example"})
		decisions := backoffice.NewRunDecisions(e.st, backoffice.RunDecisionSettings{Days: 14})

		ownerMails := func() []parsedMail { return e.inbox()["owner@example.com"] }
		round := func(at time.Time) {
			t.Helper()
			if _, err := decisions.NotifyDue(e.ctx, at); err != nil {
				t.Fatal(err)
			}
			e.run(at)
		}
		round(e.now) // 20 days ahead: before the window
		if n := len(ownerMails()); n != 0 {
			t.Fatalf("%d decision mails before the window", n)
		}
		inside := e.now.Add(7 * 24 * time.Hour) // 13 days ahead
		round(inside)
		round(inside.Add(time.Hour)) // the job runs again: nothing new
		mails := ownerMails()
		if len(mails) != 1 || len(e.inbox()["helper@example.com"]) != 0 {
			t.Fatalf("owner got %d decision mails, assistant %d; want 1 and 0", len(mails), len(e.inbox()["helper@example.com"]))
		}
		m := mails[0]
		link := fmt.Sprintf("https://seminare.example/admin/dates/%d/attendees#decision", date.ID)
		if !strings.HasPrefix(m.Subject, "Entscheidung fällig: LinkedIn im Vertrieb") || !strings.Contains(m.Text, "erst 3 bestätigte Plätze") ||
			!strings.Contains(m.Text, "Mindestzahl ist 5") || !strings.Contains(m.Text, link) {
			t.Fatalf("decision mail %q:\n%s", m.Subject, m.Text)
		}

		e.now = inside.Add(2 * time.Hour)
		office := backoffice.New(e.st, e.book, nil, e.clock)
		if _, err := office.ConfirmRun(e.ctx, "owner@example.com", date.ID); err != nil {
			t.Fatal(err)
		}
		round(e.now)
		round(e.now.Add(time.Hour))
		inbox := e.inbox()
		want := map[string]string{
			"anna@muster.example": "Findet statt: LinkedIn im Vertrieb",
			"ben@muster.example":  "Will take place: LinkedIn for sales",
			"cem@muster.example":  "Will take place: LinkedIn for sales",
		}
		for to, subject := range want {
			var got []string
			for _, p := range inbox[to] {
				if strings.Contains(p.Subject, "statt") || strings.Contains(p.Subject, "take place") {
					got = append(got, p.Subject)
				}
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], subject) {
				t.Errorf("%s got notices %q, want one %q", to, got, subject)
			}
		}
		var billing []string
		for _, p := range inbox["billing@muster.example"] {
			if strings.HasPrefix(p.Subject, "Termin findet statt") || strings.HasPrefix(p.Subject, "Date will take place") {
				billing = append(billing, p.Subject)
				if !strings.Contains(p.Text, "Anna Muster") && !strings.Contains(p.Text, "Ben Muster") {
					t.Errorf("billing notice lists no attendees:\n%s", p.Text)
				}
			}
		}
		if len(billing) != 2 {
			t.Errorf("billing contact got %q, want one notice per booking (German and English)", billing)
		}
		if n := len(ownerMails()); n != 1 {
			t.Errorf("owner got %d decision mails after the confirmation, want still 1", n)
		}
	})
}
