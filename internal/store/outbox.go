package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// Enqueue writes an outbox item; an item whose Key already exists is left as it is, so enqueueing
// the same cause twice is harmless. Call it inside the transaction of the change that causes it.
func (q Queries) Enqueue(ctx context.Context, item *model.OutboxItem) error {
	if item.Status == "" {
		item.Status = model.OutboxPending
	}
	if item.NextAttemptAt.IsZero() {
		item.NextAttemptAt = q.stamp()
	}
	if item.Payload == "" {
		item.Payload = "{}"
	}
	return q.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoNothing: true}).Create(item).Error
}

// DueOutboxItems returns up to limit pending items of topics starting with prefix whose time has come.
func (q Queries) DueOutboxItems(ctx context.Context, prefix string, now time.Time, limit int) ([]model.OutboxItem, error) {
	var items []model.OutboxItem
	err := q.db.WithContext(ctx).
		Where("status = ? AND topic LIKE ? AND next_attempt_at <= ?", model.OutboxPending, prefix+"%", now).
		Order("next_attempt_at, id").Limit(limit).Find(&items).Error
	return items, err
}

// MarkOutboxDone records that an item was carried out.
func (q Queries) MarkOutboxDone(ctx context.Context, id uint, now time.Time) error {
	return q.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id = ?", id).
		Updates(map[string]any{"status": model.OutboxDone, "done_at": now, "last_error": "", "updated_at": now}).Error
}

// MarkOutboxRetry records a failed attempt and when to try again, or failed for good after
// model.MaxOutboxAttempts.
func (q Queries) MarkOutboxRetry(ctx context.Context, item model.OutboxItem, cause error, now time.Time) error {
	attempts := item.Attempts + 1
	status := model.OutboxPending
	if attempts >= model.MaxOutboxAttempts {
		status = model.OutboxFailed
	}
	msg := cause.Error()
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	return q.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id = ?", item.ID).
		Updates(map[string]any{
			"status": status, "attempts": attempts, "last_error": msg,
			"next_attempt_at": now.Add(model.OutboxBackoff(attempts)), "updated_at": now,
		}).Error
}
