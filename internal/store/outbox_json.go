package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"seminars/internal/model"
)

// EnqueueJSON records payload, as JSON, under topic and key in the outbox inside tx; the item is
// due at once (on the store's clock). Like Enqueue, a key that already exists is left as it is.
func EnqueueJSON(ctx context.Context, tx *Tx, topic model.Topic, key string, payload any) error {
	return EnqueueJSONAt(ctx, tx, topic, key, payload, time.Time{})
}

// EnqueueJSONAt is EnqueueJSON for an item due at due: a worker enqueueing follow-up items
// makes them due at its own round's time, so the next round takes them.
func EnqueueJSONAt(ctx context.Context, tx *Tx, topic model.Topic, key string, payload any, due time.Time) error {
	data, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("outbox %s payload: %w", topic, err)
	}
	return tx.enqueueNew(ctx, topic, key, string(data), due)
}

// enqueueNewSQL is Enqueue's INSERT for a fresh item, written out: a booking enqueues two items
// on the writer every booker queues for, and GORM building the same statement by reflection
// each time cost more than running it. One fixed text also stays prepared (sqlite_stmts.go).
const enqueueNewSQL = `INSERT INTO outbox_items (topic, "key", payload, status, attempts, next_attempt_at, last_error, created_at, updated_at)
	VALUES (?, ?, ?, ?, 0, ?, '', ?, ?) ON CONFLICT ("key") DO NOTHING`

// enqueueNew is Enqueue for a pending item that was never tried, without its id.
func (tx *Tx) enqueueNew(ctx context.Context, topic model.Topic, key, payload string, due time.Time) error {
	now := tx.stamp()
	if due.IsZero() {
		due = now
	}
	return tx.db.WithContext(ctx).Exec(enqueueNewSQL, string(topic), key, payload, model.OutboxPending, due, now, now).Error
}
