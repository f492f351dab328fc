package mail

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// deliver sends due mail.send items. Each item is claimed first (so a second worker, or the
// next round while this one is still sending, leaves it alone), then sent, then marked done; a
// failure schedules the next attempt with model.OutboxBackoff.
func (w *Worker) deliver(ctx context.Context, now time.Time) error {
	items, err := w.store.DueOutboxItems(ctx, TopicSend, now, batchSize)
	if err != nil {
		return err
	}
	for _, item := range items {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := w.deliverOne(ctx, item, now); err != nil {
			return err
		}
	}
	return nil
}

// deliverOne sends one item. It returns an error only when the database could not record the
// outcome; a failed delivery is recorded and is not an error of the round.
func (w *Worker) deliverOne(ctx context.Context, item model.OutboxItem, now time.Time) error {
	claimed := false
	err := w.store.WithTx(ctx, func(tx *store.Tx) (err error) {
		claimed, err = tx.ClaimOutboxItem(ctx, item, now, lease)
		return err
	})
	if err != nil || !claimed {
		return err
	}
	var m Message
	sendErr := json.Unmarshal([]byte(item.Payload), &m)
	if sendErr == nil {
		sendErr = w.send(ctx, m)
	}
	if sendErr != nil {
		w.log.Warn("mail not delivered", "id", item.ID, "to", m.To.Email, "attempt", item.Attempts+1, "error", sendErr)
		return w.store.WithTx(ctx, func(tx *store.Tx) error { return tx.MarkOutboxRetry(ctx, item, sendErr, now) })
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
		return fmt.Errorf("message %s was delivered and its body removed", m.MessageID)
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
