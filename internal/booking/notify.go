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
	return store.EnqueueJSON(ctx, tx, model.TopicMailEvent, model.TopicMailEvent.Key(string(p.Event)+":"+key), p)
}
