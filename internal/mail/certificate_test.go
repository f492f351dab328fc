package mail_test

import (
	"strings"
	"testing"
	"time"
)

// TestCertificatesAfterTheDate: once a date is over, every checked-in attendee gets their
// certificate of attendance as a PDF, once; whoever was not checked in gets nothing. The outbox
// row names the certificate; the PDF is drawn when the message is sent.
func TestCertificatesAfterTheDate(t *testing.T) {
	e := newEnv(t)
	f := newFixture(e)
	e.exec("UPDATE attendees SET checked_in_at = ? WHERE id = ?", f.date.StartsAt, f.anna)

	e.run(f.date.StartsAt.Add(time.Hour)) // during the seminar: nothing yet
	if n := len(e.smtp.messages()) - f.before; n != 0 {
		t.Fatalf("%d messages before the date ended", n)
	}
	after := f.date.EndsAt.Add(10 * time.Minute)
	e.run(after)
	e.run(after.Add(2 * time.Minute)) // the expanded message is delivered
	e.run(after.Add(time.Hour))       // a later round sends nothing again
	msgs := e.smtp.messages()[f.before:]
	if len(msgs) != 1 || msgs[0].To[0] != "anna@muster.example" {
		t.Fatalf("got %d messages: %+v", len(msgs), msgs)
	}
	m := parseMail(t, msgs[0])
	if !strings.Contains(m.Subject, "Teilnahmebescheinigung") || len(m.Files) != 1 ||
		m.Files[0].Type != "application/pdf" || !strings.HasPrefix(m.Files[0].Data, "%PDF") {
		t.Fatalf("certificate mail: subject %q, files %d", m.Subject, len(m.Files))
	}
	for _, item := range e.outbox() {
		if strings.Contains(item.Payload, "JVBER") || strings.Contains(item.Payload, "%PDF") {
			t.Errorf("outbox item %s holds a rendered PDF", item.Key)
		}
	}
}
