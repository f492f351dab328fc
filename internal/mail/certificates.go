package mail

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// certificateKeyPrefix starts the key of every certificate event; the attendee and date ids follow.
const certificateKeyPrefix = string(model.TopicMailEvent) + ":" + string(model.EventCertificate) + ":attendee:"

// certificateWindow is how long after a date its certificates are still sent: a service that was
// down for a day catches up, but checking someone in months later sends nothing unexpected.
const certificateWindow = 14 * 24 * time.Hour

// scheduleCertificates records a certificate event for every checked-in attendee whose date has
// ended. The outbox keeps one item per key (attendee and date), so each is sent once.
func (w *Worker) scheduleCertificates(ctx context.Context, now time.Time) error {
	due, err := w.store.CertificatesDue(ctx, now.Add(-certificateWindow), now, certificateKeyPrefix)
	if err != nil {
		return err
	}
	todo := make([]scheduled, 0, len(due))
	for _, d := range due {
		todo = append(todo, scheduled{
			key:     fmt.Sprintf("%s%d:date:%d", certificateKeyPrefix, d.AttendeeID, d.DateID),
			payload: model.EventPayload{Event: model.EventCertificate, BookingID: d.BookingID, DateID: d.DateID, AttendeeID: d.AttendeeID},
		})
	}
	return w.enqueueScheduled(ctx, now, todo)
}

// certificate is the attendee's message after the date, with the certificate attached. Only a
// reference goes into the outbox; the certificate is drawn when the message is sent.
func (x expander) certificate(ctx context.Context) ([]outgoing, error) {
	b, a, err := x.findAttendee(ctx, x.ev.AttendeeID)
	if err != nil {
		return nil, err
	}
	o, err := x.attendee(b, b.Date, a, "attendee_certificate", noInvite, "")
	if err != nil {
		return nil, err
	}
	if a.CheckedInAt == nil {
		return nil, fmt.Errorf("certificate of attendee %d: %w", a.ID, invoice.ErrNotCheckedIn)
	}
	name := fmt.Sprintf("Teilnahmebescheinigung-%s.pdf", b.Reference)
	if b.Language == "en" {
		name = fmt.Sprintf("Certificate-of-attendance-%s.pdf", b.Reference)
	}
	o.msg.Documents = append(o.msg.Documents, DocumentRef{BookingID: b.ID, AttendeeID: a.ID, Kind: docCertificate, Name: name})
	return []outgoing{o}, nil
}
