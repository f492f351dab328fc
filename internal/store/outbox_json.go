package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"seminars/internal/model"
)

// JSONItem is an outbox item to enqueue with EnqueueJSONItems: Payload is stored as JSON.
type JSONItem struct {
	Topic   model.Topic
	Key     string
	Payload any
	Due     time.Time // zero: due at once, on the store's clock
}

// EnqueueJSON records payload, as JSON, under topic and key in the outbox inside tx; the item is
// due at once (on the store's clock). Like Enqueue, a key that already exists is left as it is.
func EnqueueJSON(ctx context.Context, tx *Tx, topic model.Topic, key string, payload any) error {
	return EnqueueJSONItems(ctx, tx, JSONItem{Topic: topic, Key: key, Payload: payload})
}

// EnqueueJSONAt is EnqueueJSON for an item due at due: a worker enqueueing follow-up items
// makes them due at its own round's time, so the next round takes them.
func EnqueueJSONAt(ctx context.Context, tx *Tx, topic model.Topic, key string, payload any, due time.Time) error {
	return EnqueueJSONItems(ctx, tx, JSONItem{Topic: topic, Key: key, Payload: payload, Due: due})
}

// EnqueueJSONItems records items that one change causes together (a booking's confirmation
// mail and its invoice's render job) in one INSERT, in the order given. As with Enqueue, an item
// whose key already exists — in the outbox or earlier in items — is left out and the others go
// in, so recording the same cause twice sends nothing twice.
func EnqueueJSONItems(ctx context.Context, tx *Tx, items ...JSONItem) error {
	rows, err := outboxRows(tx, items)
	if err != nil {
		return err
	}
	return outboxInsert.insert(ctx, tx, rows)
}

// outboxRows are items as the outbox stores them: the payload as JSON, due at once (on the
// store's clock) unless Due says otherwise.
func outboxRows(tx *Tx, items []JSONItem) ([]model.OutboxItem, error) {
	now := tx.stamp()
	rows := make([]model.OutboxItem, len(items))
	for i, it := range items {
		data, err := json.Marshal(it.Payload)
		if err != nil {
			return nil, fmt.Errorf("outbox %s payload: %w", it.Topic, err)
		}
		due := it.Due
		if due.IsZero() {
			due = now
		}
		rows[i] = model.OutboxItem{Topic: it.Topic, Key: it.Key, Payload: string(data), Status: model.OutboxPending,
			NextAttemptAt: due, CreatedAt: now, UpdatedAt: now}
	}
	return rows, nil
}

// outboxInsert is Enqueue's INSERT written out: a booking enqueues two items on the writer
// every booker queues for, and GORM building the statement by reflection each time cost more
// than running it. Every column of model.OutboxItem but its id, which is not read back (a key
// that exists inserts nothing, so ids could not be matched to items).
var outboxInsert = newFixedInsert("outbox_items", "id", false, `ON CONFLICT ("key") DO NOTHING`, []column[model.OutboxItem]{
	{"topic", func(o *model.OutboxItem) any { return string(o.Topic) }},
	{"key", func(o *model.OutboxItem) any { return o.Key }},
	{"payload", func(o *model.OutboxItem) any { return o.Payload }},
	{"status", func(o *model.OutboxItem) any { return o.Status }},
	{"attempts", func(o *model.OutboxItem) any { return int64(o.Attempts) }},
	{"next_attempt_at", func(o *model.OutboxItem) any { return o.NextAttemptAt }},
	{"last_error", func(o *model.OutboxItem) any { return o.LastError }},
	{"done_at", func(o *model.OutboxItem) any { return nullTime(o.DoneAt) }},
	{"created_at", func(o *model.OutboxItem) any { return o.CreatedAt }},
	{"updated_at", func(o *model.OutboxItem) any { return o.UpdatedAt }},
})
