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
	return tx.Enqueue(ctx, &model.OutboxItem{Topic: topic, Key: key, Payload: string(data), NextAttemptAt: due})
}
