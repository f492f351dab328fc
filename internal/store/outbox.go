package store

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// Enqueue writes an outbox item; an item whose Key already exists is left as it is, so enqueueing
// the same cause twice is harmless. Call it inside the transaction of the change that causes it.
func (tx *Tx) Enqueue(ctx context.Context, item *model.OutboxItem) error {
	if item.Status == "" {
		item.Status = model.OutboxPending
	}
	if item.NextAttemptAt.IsZero() {
		item.NextAttemptAt = tx.stamp()
	}
	if item.Payload == "" {
		item.Payload = "{}"
	}
	return tx.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoNothing: true}).Create(item).Error
}

// DueOutboxItems returns up to limit pending items of topics starting with prefix whose time has
// come, the longest due first: the items ClaimDueOutboxItems would take.
func (q Reads) DueOutboxItems(ctx context.Context, prefix model.Topic, now time.Time, limit int) ([]model.OutboxItem, error) {
	var items []model.OutboxItem
	err := dueOutbox(q.db.WithContext(ctx), prefix, now).Limit(limit).Find(&items).Error
	return items, err
}

// dueOutbox narrows db to the outbox items of topics starting with prefix that a worker may take at
// now — pending, and their next attempt (or the lease of a claim) has come — the longest due
// first. DueOutboxItems and ClaimDueOutboxItems both read it, so what is listed as due is what
// can be claimed.
func dueOutbox(db *gorm.DB, prefix model.Topic, now time.Time) *gorm.DB {
	return db.Where("status = ? AND topic LIKE ? AND next_attempt_at <= ?", model.OutboxPending, prefix+"%", now).
		Order("next_attempt_at, id")
}

// MarkOutboxDone records that an item was carried out.
func (tx *Tx) MarkOutboxDone(ctx context.Context, id uint, now time.Time) error {
	return tx.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id = ?", id).
		Updates(map[string]any{"status": model.OutboxDone, "done_at": now, "last_error": "", "updated_at": now}).Error
}

// MarkOutboxRetry records a failed attempt and when to try again (model.OutboxBackoff). The item
// stays pending however often it failed: only ParkOutboxItem gives up on an item.
func (tx *Tx) MarkOutboxRetry(ctx context.Context, item model.OutboxItem, cause error, now time.Time) error {
	attempts := item.Attempts + 1
	return tx.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id = ?", item.ID).
		Updates(map[string]any{
			"status": model.OutboxPending, "attempts": attempts, "last_error": errorText(cause),
			"next_attempt_at": now.Add(model.OutboxBackoff(attempts)), "updated_at": now,
		}).Error
}

// ParkOutboxItem records a last failed attempt and sets the item aside as failed: no worker takes
// it again until someone resends it from the back office.
func (tx *Tx) ParkOutboxItem(ctx context.Context, item model.OutboxItem, cause error, now time.Time) error {
	return tx.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id = ?", item.ID).
		Updates(map[string]any{
			"status": model.OutboxFailed, "attempts": item.Attempts + 1, "last_error": errorText(cause), "updated_at": now,
		}).Error
}

// CountParkedOutbox returns how many items are parked (failed), by topic.
func (q Reads) CountParkedOutbox(ctx context.Context) (map[string]int64, error) {
	var rows []struct {
		Topic string
		N     int64
	}
	err := q.db.WithContext(ctx).Model(&model.OutboxItem{}).Select("topic, COUNT(*) AS n").
		Where("status = ?", model.OutboxFailed).Group("topic").Scan(&rows).Error
	counts := make(map[string]int64, len(rows))
	for _, r := range rows {
		counts[r.Topic] = r.N
	}
	return counts, err
}

// errorText is an error as stored in last_error: valid UTF-8 without NUL bytes, cut to the
// column's 1000 bytes on a rune boundary, so PostgreSQL takes whatever text an error carries.
func errorText(cause error) string {
	msg := strings.ReplaceAll(strings.ToValidUTF8(cause.Error(), "\uFFFD"), "\x00", "")
	if len(msg) <= 1000 {
		return msg
	}
	cut := 1000
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut]
}
