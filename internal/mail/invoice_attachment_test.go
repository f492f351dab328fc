package mail_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
)

// The billing contact's confirmation carries the invoice as RE-<year>-<n>.pdf, the same file the
// manage page offers; attendees get no invoice. The stored message holds the PDF until it is
// delivered (a retry sends the same bytes); the delivered confirmation, scrubbed because it holds
// the manage link, keeps no copy.
func TestConfirmationCarriesTheInvoicePDF(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		start := time.Date(e.now.Year()+1, time.March, 3, 8, 0, 0, 0, time.UTC)
		date := e.seedDate(model.FormatOnline, start)
		e.smtp.setReject(true) // the first attempt fails: the rendered message waits in the outbox
		res := e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
		t0 := e.now.Add(time.Minute)
		e.run(t0)

		docs, err := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
		if err != nil || len(docs) != 1 {
			t.Fatalf("invoices %v, %v", docs, err)
		}
		stored, ok := storedConfirmation(t, e)
		if !ok || len(stored.Attachments) != 1 || stored.Attachments[0].Name != docs[0].Number+".pdf" ||
			!strings.HasPrefix(string(stored.Attachments[0].Data), "%PDF-") {
			t.Fatalf("stored confirmation attachments: %d", len(stored.Attachments))
		}

		e.smtp.setReject(false)
		e.run(t0.Add(model.OutboxBackoff(1)))
		inbox := e.inbox()
		bill := only(t, inbox, "billing@muster.example")
		var pdfs []attachedFile
		for _, f := range bill.Files {
			if f.Type == "application/pdf" {
				pdfs = append(pdfs, f)
			}
		}
		if len(pdfs) != 1 || pdfs[0].Name != docs[0].Number+".pdf" || !strings.HasPrefix(pdfs[0].Name, "RE-") ||
			pdfs[0].Data != string(stored.Attachments[0].Data) {
			t.Fatalf("billing mail attachments %v, want the stored %s.pdf", names(pdfs), docs[0].Number)
		}
		if att := only(t, inbox, "anna@muster.example"); len(att.Files) != 1 || att.Files[0].Name != "invite.ics" {
			t.Errorf("attendee mail attachments %v, want only the invite", names(att.Files))
		}
		if after, _ := storedConfirmation(t, e); !after.Scrubbed || len(after.Attachments) != 0 {
			t.Errorf("delivered confirmation still stored: scrubbed %v, %d attachments", after.Scrubbed, len(after.Attachments))
		}
	})
}

// storedConfirmation reads the billing contact's confirmation from the outbox.
func storedConfirmation(t *testing.T, e *env) (mail.Message, bool) {
	t.Helper()
	for _, item := range e.outbox() {
		var m mail.Message
		if item.Topic == mail.TopicSend && json.Unmarshal([]byte(item.Payload), &m) == nil && m.Kind == "billing_booking_confirmed" {
			return m, true
		}
	}
	return mail.Message{}, false
}

func names(files []attachedFile) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name+" ("+f.Type+")")
	}
	return out
}
