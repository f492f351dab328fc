package mail_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
)

// TestRemindersOnce: each attendee is reminded once, ReminderDays (3) before their date; a
// booking confirmed inside that window gets its confirmation and no extra reminder.
func TestRemindersOnce(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		base := e.now.Add(time.Minute)
		soon := e.seedDate(model.FormatInPerson, base.Add(48*time.Hour).Truncate(time.Hour))
		later := e.seedDate(model.FormatOnline, base.Add(5*24*time.Hour).Truncate(time.Hour))

		e.now = base.Add(-10 * 24 * time.Hour)
		e.reserve(soon.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
		e.reserve(later.ID, "en", [2]string{"Cleo", "cleo@muster.example"})
		e.now = base.Add(-24 * time.Hour)
		e.reserve(soon.ID, "de", [2]string{"Dora", "dora@muster.example"}) // inside the window

		rounds := []struct {
			at   time.Time
			want []string // who is reminded in this round
		}{
			{base, []string{"anna@muster.example", "ben@muster.example"}},
			{base.Add(time.Hour), nil},
			{base.Add(2*24*time.Hour + time.Hour), []string{"cleo@muster.example"}},
			{base.Add(3 * 24 * time.Hour), nil},
		}
		seen := 0
		for i, r := range rounds {
			e.run(r.at)
			msgs := e.smtp.messages()
			var reminded []string
			for _, m := range msgs[seen:] {
				p := parseMail(t, m)
				if strings.Contains(p.Subject, "Erinnerung") || strings.Contains(p.Subject, "Reminder") {
					reminded = append(reminded, m.To...)
					if !strings.Contains(p.Text, "Bitte bringen Sie") && !strings.Contains(p.Text, "Please bring") {
						t.Errorf("reminder to %v does not say what to prepare", m.To)
					}
				}
			}
			seen = len(msgs)
			if strings.Join(reminded, ",") != strings.Join(r.want, ",") {
				t.Errorf("round %d: reminded %v, want %v", i, reminded, r.want)
			}
		}
	})
}

// TestEMLFallback: without SMTP every message is written once as an .eml file.
func TestEMLFallback(t *testing.T) {
	e := newEnv(t)
	dir := filepath.Join(t.TempDir(), "mail")
	sender, err := mail.NewSender("", dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sender.String(), dir) {
		t.Errorf("sender describes itself as %q, want the folder", sender.String())
	}
	e.worker = e.newWorker(sender)
	date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
	e.reserve(date.ID, "en", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
	e.run(e.now.Add(time.Minute))
	e.run(e.now.Add(time.Hour))
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Fatalf("got %d .eml files, want 3", len(files))
	}
	var to []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p := parseMail(t, received{Raw: raw})
		to = append(to, p.Header.Get("To"))
		if p.Text == "" || p.HTML == "" {
			t.Errorf("%s lacks a text or HTML part", f)
		}
	}
	if joined := strings.Join(to, " "); !strings.Contains(joined, "anna@muster.example") || !strings.Contains(joined, "billing@muster.example") {
		t.Errorf("files are addressed to %v", to)
	}
}

// TestSMTPAuthNeverInClear: with user and password in SEMINARS_SMTP_URL the password is only
// sent over TLS (STARTTLS or smtps://). A server that offers no TLS gets no password; the mail
// waits in the outbox with the reason as last error.
func TestSMTPAuthNeverInClear(t *testing.T) {
	e := newEnv(t)
	e.smtp.user, e.smtp.password = "seminars", "s3cret"
	sender, err := mail.NewSender(e.smtp.url(), "", 1)
	if err != nil {
		t.Fatal(err)
	}
	e.worker = e.newWorker(sender)
	date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
	e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
	e.run(e.now.Add(time.Minute))
	if got := len(e.smtp.messages()); got != 0 {
		t.Errorf("got %d messages, want none", got)
	}
	for _, it := range sendItems(e) {
		if it.Status != model.OutboxPending || !strings.Contains(it.LastError, "authentication mechanism") {
			t.Errorf("%s: status %s, last error %q", it.Key, it.Status, it.LastError)
		}
	}
}

// TestSMTPURL checks the forms SEMINARS_SMTP_URL may take.
func TestSMTPURL(t *testing.T) {
	cases := []struct {
		url     string
		wantErr bool
	}{
		{"smtp://mailpit:1025", false},
		{"smtp://user:pass@mail.example:587", false},
		{"smtps://user:pass@mail.example", false},
		{"http://mail.example", true},
		{"smtp://mail.example:port", true},
	}
	for _, tc := range cases {
		t.Run(tc.url, func(t *testing.T) {
			s, err := mail.NewSMTPSender(tc.url, 1)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && strings.Contains(s.String(), "pass") {
				t.Errorf("String() shows the password: %s", s)
			}
		})
	}
}
