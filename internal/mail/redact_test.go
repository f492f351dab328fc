package mail_test

import (
	"encoding/json"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// TestDeliveredConfirmationKeepsItsBodyWithoutItsSecrets: a confirmation is a business letter
// kept reproducible, so after delivery its stored body still says what was booked, for when and
// where — but the manage token (billing contact) and the attendee's page token and check-in code
// (attendee) are replaced by a marker, in every form they could take, and the check-in QR code
// is no longer named. The mails delivered carried them all.
func TestDeliveredConfirmationKeepsItsBodyWithoutItsSecrets(t *testing.T) {
	keys, err := secret.New("mail-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, seminar, marker string
	}{
		{"de", "LinkedIn im Vertrieb", "[entfernt]"},
		{"en", "LinkedIn for sales", "[removed]"},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.worker.UseKeyring(keys)
				date := e.seedDate(model.FormatInPerson, time.Date(e.now.Year()+1, time.January, 12, 8, 0, 0, 0, time.UTC))
				res := e.reserve(date.ID, tc.lang, [2]string{"Anna", "anna@muster.example"})
				e.run(e.now.Add(time.Minute))
				a := res.Booking.Attendees[0]
				secrets := map[string][]string{
					"billing_booking_confirmed": {res.ManageToken},
					"attendee_confirmed":        {keys.AttendeeToken(a.ID, 0), keys.AttendeeCode(a.ID, 0)},
				}
				inbox := e.inbox()
				delivered := map[string]parsedMail{
					"billing_booking_confirmed": only(t, inbox, "billing@muster.example"),
					"attendee_confirmed":        only(t, inbox, "anna@muster.example"),
				}
				for kind, m := range delivered {
					for _, s := range secrets[kind] {
						if !strings.Contains(m.Text, s) || !strings.Contains(m.HTML, s) {
							t.Fatalf("delivered %s lacks its secret %s", kind, s)
						}
					}
				}

				for kind, want := range secrets {
					stored, payload := storedMessage(t, e, kind)
					if !stored.Scrubbed || stored.BodyRemoved || len(stored.Redact) != 0 {
						t.Errorf("stored %s: scrubbed %v, body removed %v, redact %v; want scrubbed with its body and no list",
							kind, stored.Scrubbed, stored.BodyRemoved, stored.Redact)
					}
					for _, part := range []string{stored.Text, stored.HTML} {
						for _, keep := range []string{tc.seminar, "Tagungshaus Mitte", res.Booking.Reference, tc.marker} {
							if !strings.Contains(part, keep) {
								t.Errorf("stored %s no longer says %q:\n%s", kind, keep, part)
							}
						}
					}
					for _, s := range want {
						for _, form := range []string{s, html.EscapeString(s), url.QueryEscape(s)} {
							if strings.Contains(payload, form) {
								t.Errorf("stored %s still holds the secret %q", kind, form)
							}
						}
					}
					for _, d := range stored.Documents {
						if d.Kind == "checkin_qr" {
							t.Errorf("stored %s still names the check-in QR code", kind)
						}
					}
				}
				bill, _ := storedMessage(t, e, "billing_booking_confirmed")
				if len(bill.Documents) != 2 {
					t.Errorf("stored confirmation names %v, want the invoice's PDF and XML still", bill.Documents)
				}
				if att, _ := storedMessage(t, e, "attendee_confirmed"); att.Invite == nil || !strings.Contains(att.Invite.Content, "BEGIN:VEVENT") {
					t.Errorf("stored attendee confirmation lost its invite")
				}
			})
		})
	}
}

// A message stored before the list of its secrets existed — Secret set, no Redact — loses its
// whole body on delivery as it always did: what it holds that is secret is unknown.
func TestDeliveredSecretMessageWithoutListLosesItsBody(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		old := mail.Message{
			MessageID: "old@seminare.example", Date: e.now, From: "Seminare <seminare@example.com>",
			To: mail.Address{Name: "Bea Billing", Email: "billing@muster.example"}, Subject: "Buchungsbestätigung", Lang: "de",
			Kind: "billing_booking_confirmed", Text: "LinkedIn im Vertrieb https://seminare.example/b/X?t=old-token",
			HTML: "<p>https://seminare.example/b/X?t=old-token</p>", Secret: true,
		}
		if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
			return store.EnqueueJSONAt(e.ctx, tx, model.TopicMailSend, "mail.send:test:old", old, e.now)
		}); err != nil {
			t.Fatal(err)
		}
		e.run(e.now.Add(time.Minute))
		if m := only(t, e.inbox(), "billing@muster.example"); !strings.Contains(m.Text, "old-token") {
			t.Fatalf("delivered old message lacks its link:\n%s", m.Text)
		}
		stored, payload := storedMessage(t, e, "billing_booking_confirmed")
		if !stored.Scrubbed || !stored.BodyRemoved || stored.Text != "" || stored.HTML != "" || strings.Contains(payload, "old-token") {
			t.Fatalf("stored old message: scrubbed %v, body removed %v, text %q, html %q; want its body gone",
				stored.Scrubbed, stored.BodyRemoved, stored.Text, stored.HTML)
		}
	})
}

// storedMessage reads the one mail.send message of kind from the outbox, with its raw payload.
func storedMessage(t *testing.T, e *env, kind string) (mail.Message, string) {
	t.Helper()
	for _, item := range e.outbox() {
		var m mail.Message
		if item.Topic == model.TopicMailSend && json.Unmarshal([]byte(item.Payload), &m) == nil && m.Kind == kind {
			if item.Status != model.OutboxDone {
				t.Fatalf("%s is %s, want done", kind, item.Status)
			}
			return m, item.Payload
		}
	}
	t.Fatalf("no %s in the outbox", kind)
	return mail.Message{}, ""
}
