package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/qr/qrtest"
	"seminars/internal/secret"
)

// TestConfirmationCarriesTheAttendeePass: each attendee's confirmation carries their own check-in
// code, its QR code as an inline image drawn at send time (the outbox row names it only), and
// the link to their attendee page; the billing contact's mail carries none of them.
func TestConfirmationCarriesTheAttendeePass(t *testing.T) {
	keys, err := secret.New("mail-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, prefix, heading string
	}{
		{"de", "https://seminare.example/a/", "Ihr persönlicher Check-in-Code"},
		{"en", "https://seminare.example/en/a/", "Your personal check-in code"},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.worker.UseKeyring(keys)
				date := e.seedDate(model.FormatInPerson, time.Date(e.now.Year()+1, time.January, 12, 8, 0, 0, 0, time.UTC))
				res := e.reserve(date.ID, tc.lang, [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
				// With the mail server down the messages wait in the outbox, as rendered.
				e.smtp.stop()
				_ = e.worker.RunOnce(e.ctx, e.now.Add(time.Minute))
				for _, item := range e.outbox() {
					if item.Topic == model.TopicMailSend && (strings.Contains(item.Payload, `"content_id"`) || strings.Contains(item.Payload, "iVBOR")) {
						t.Fatalf("an outbox row carries a rendered image: %.300s", item.Payload)
					}
				}
				e.smtp.restart()
				e.run(e.now.Add(2 * time.Hour))
				inbox := e.inbox()
				for i, addr := range []string{"anna@muster.example", "ben@muster.example"} {
					a := res.Booking.Attendees[i]
					code := keys.AttendeeCode(a.ID, 0)
					m := only(t, inbox, addr)
					link := tc.prefix + keys.AttendeeToken(a.ID, 0)
					for _, part := range []string{m.Text, m.HTML} {
						if !strings.Contains(part, code) || !strings.Contains(part, link) || !strings.Contains(part, tc.heading) {
							t.Fatalf("%s: the mail lacks code %s or link %s:\n%s", addr, code, link, part)
						}
						if !strings.Contains(part, link+"#materials") {
							t.Fatalf("%s: the mail does not link the materials on the attendee page:\n%s", addr, part)
						}
					}
					if !strings.Contains(m.HTML, `src="cid:checkin-qr"`) || !strings.Contains(m.Raw, "Content-Id: <checkin-qr>") && !strings.Contains(m.Raw, "Content-ID: <checkin-qr>") {
						t.Fatalf("%s: no inline QR image:\n%.2000s", addr, m.Raw)
					}
					var png string
					for _, f := range m.Files {
						if f.Type == "image/png" {
							png = f.Data
						}
					}
					if png == "" {
						t.Fatalf("%s: no PNG part", addr)
					}
					if got := qrtest.Decode(t, []byte(png)); got != code {
						t.Fatalf("%s: QR code reads %q, want %q", addr, got, code)
					}
				}
				bill := only(t, inbox, "billing@muster.example")
				if strings.Contains(bill.HTML, "cid:checkin-qr") || strings.Contains(bill.Text, "/a/") {
					t.Fatal("the billing contact got an attendee pass")
				}
			})
		})
	}
}
