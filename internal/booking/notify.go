package booking

import (
	"context"
	"encoding/json"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Notify records a booking event in the outbox inside tx (for this package, the back office and
// anyone else whose change people must hear about). key must identify the cause uniquely
// (e.g. the booking and its new status), so that recording the same cause twice — a duplicate
// webhook, a retried request — sends nothing twice.
func Notify(ctx context.Context, tx *store.Tx, key string, p model.EventPayload) error {
	payload, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return tx.Enqueue(ctx, &model.OutboxItem{
		Topic:   model.TopicMailEvent,
		Key:     fmt.Sprintf("%s:%s:%s", model.TopicMailEvent, p.Event, key),
		Payload: string(payload),
	})
}

// manageTokenExtra lets the manage link's secret ride along with the first billing mail's event,
// so that mail can carry the link; the mail worker deletes it from the outbox once the mail is
// delivered (see package mail). It is the only place a manage token is stored in clear.
func manageTokenExtra(token string) map[string]string {
	return map[string]string{"manage_token": token}
}
