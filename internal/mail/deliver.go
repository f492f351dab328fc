package mail

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// sendQueue delivers due mail.send items, as many at once as the sender has connections
// (Sender.Connections). The runner claims a batch first (so a second worker, or the next
// round while this one is still sending, leaves it alone), then each item is sent and marked
// done in its own transaction, after the SMTP dialogue; a failure is retried after
// model.OutboxBackoff.
func (w *Worker) sendQueue() worker.Queue {
	return worker.Queue{Topic: model.TopicMailSend, Batch: batchSize, Handle: w.deliverOne, Parallel: w.sender.Connections()}
}

// deliverOne sends one claimed item and records the delivery.
func (w *Worker) deliverOne(ctx context.Context, item model.OutboxItem, now time.Time) error {
	var m Message
	if err := worker.Decode(item, &m); err != nil {
		return err
	}
	if err := w.send(ctx, m); err != nil {
		return fmt.Errorf("mail to %s: %w", m.To.Email, err)
	}
	// The server has the message. From here until MarkOutboxDone commits, a crash means the
	// item is sent once more after its lease, with the same Message-ID (see the package doc).
	w.log.Info("mail delivered", "id", item.ID, "to", m.To.Email, "kind", m.Kind, "message_id", m.MessageID)
	return w.store.WithTx(ctx, func(tx *store.Tx) error {
		if m.Secret {
			w.scrub(&m)
			scrubbed, _ := json.Marshal(m)
			if err := tx.SetOutboxPayload(ctx, item.ID, string(scrubbed), now); err != nil {
				return err
			}
		}
		return tx.MarkOutboxDone(ctx, item.ID, now)
	})
}

// scrub takes the secrets of a delivered message out of what is stored. A message that lists
// them keeps its body with each secret replaced by a visible marker — a confirmation stays a
// reproducible business letter — and loses what was drawn for it alone (the check-in QR code
// carries the code). One that does not list them (stored before the list existed, a password
// reset) loses its whole body. Either way it is Scrubbed: the stored body is not the one sent,
// so a resend refuses it.
func (w *Worker) scrub(m *Message) {
	m.Scrubbed = true
	if len(m.Redact) == 0 {
		m.RemoveBody()
		return
	}
	marker := w.c.i18n.For(m.Lang).T("mail.redacted")
	var pairs []string
	for _, s := range m.Redact {
		if s == "" {
			continue
		}
		// The forms a secret takes in the text, in HTML and in a query string; for the tokens
		// we make (base64url, digits and dashes) they are the same, but a marker left out is a
		// secret kept.
		for _, form := range []string{s, html.EscapeString(s), template.HTMLEscapeString(s), url.QueryEscape(s)} {
			pairs = append(pairs, form, marker)
		}
	}
	r := strings.NewReplacer(pairs...)
	m.Text, m.HTML = r.Replace(m.Text), r.Replace(m.HTML)
	if m.Invite != nil {
		inv := *m.Invite
		inv.Content = r.Replace(inv.Content)
		m.Invite = &inv
	}
	m.Attachments = nil
	docs := m.Documents[:0:0]
	for _, d := range m.Documents {
		if d.Kind != docCheckInQR {
			docs = append(docs, d)
		}
	}
	m.Documents, m.Redact = docs, nil
}

// send loads the message's documents, composes it and hands it to the sender.
func (w *Worker) send(ctx context.Context, m Message) error {
	if m.Scrubbed {
		return worker.Permanent(fmt.Errorf("message %s was delivered and its secrets or body removed from the store", m.MessageID))
	}
	if err := w.attachDocuments(ctx, &m); err != nil {
		return err
	}
	msg, err := compose(m)
	if err != nil {
		return fmt.Errorf("compose: %w", err)
	}
	return w.sender.Send(ctx, msg)
}
