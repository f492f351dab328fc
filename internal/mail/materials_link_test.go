package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/secret"
)

// TestCertificateMailLinksTheMaterials: the mail after the date, when materials released
// "after the date" come, links them on the attendee's page; the stored body keeps no token.
func TestCertificateMailLinksTheMaterials(t *testing.T) {
	keys, err := secret.New("mail-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	e.worker.UseKeyring(keys)
	f := newFixture(e)
	e.exec("UPDATE attendees SET checked_in_at = ? WHERE id = ?", f.date.StartsAt, f.anna)
	after := f.date.EndsAt.Add(10 * time.Minute)
	e.run(after)
	e.run(after.Add(2 * time.Minute))
	msgs := e.smtp.messages()[f.before:]
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want the certificate", len(msgs))
	}
	token := keys.AttendeeToken(f.anna, 0)
	m := parseMail(t, msgs[0])
	for _, part := range []string{m.Text, m.HTML} {
		if !strings.Contains(part, "/a/"+token+"#materials") || !strings.Contains(part, "Seminarunterlagen") {
			t.Fatalf("the certificate mail does not link the materials:\n%s", part)
		}
		if strings.Contains(part, "cid:checkin-qr") {
			t.Fatal("the certificate mail carries the check-in pass")
		}
	}
	if _, payload := storedMessage(t, e, "attendee_certificate"); strings.Contains(payload, token) {
		t.Error("the stored certificate mail still holds the attendee's token")
	}
}
