package mail

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// sendQueue delivers due mail.send items. The runner claims each item first (so a second
// worker, or the next round while this one is still sending, leaves it alone), then sends it,
// then it is marked done; a failure is retried after model.OutboxBackoff.
func (w *Worker) sendQueue() worker.Queue {
	return worker.Queue{Topic: model.TopicMailSend, Batch: batchSize, Handle: w.deliverOne}
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
			m.Text, m.HTML, m.Attachments, m.Scrubbed = "", "", nil, true
			scrubbed, _ := json.Marshal(m)
			if err := tx.SetOutboxPayload(ctx, item.ID, string(scrubbed), now); err != nil {
				return err
			}
		}
		return tx.MarkOutboxDone(ctx, item.ID, now)
	})
}

// send loads the message's documents, composes it and hands it to the sender.
func (w *Worker) send(ctx context.Context, m Message) error {
	if m.Scrubbed {
		return worker.Permanent(fmt.Errorf("message %s was delivered and its body removed", m.MessageID))
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
