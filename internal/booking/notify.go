package booking

import (
	"context"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Notify records a booking event in the outbox inside tx (for this package, the back office and
// anyone else whose change people must hear about). key must identify the cause uniquely
// (e.g. the booking and its new status), so that recording the same cause twice — a duplicate
// webhook, a retried request — sends nothing twice.
func Notify(ctx context.Context, tx *store.Tx, key string, p model.EventPayload) error {
	return store.EnqueueJSONItems(ctx, tx, notice(key, p))
}

// notice is the outbox item Notify records, for a caller that enqueues it together with other
// items in one INSERT (a new booking's confirmation with its invoice's render job).
func notice(key string, p model.EventPayload) store.JSONItem {
	return store.JSONItem{Topic: model.TopicMailEvent, Key: model.TopicMailEvent.Key(string(p.Event) + ":" + key), Payload: p}
}
