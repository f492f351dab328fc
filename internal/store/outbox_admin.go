package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// SetOutboxPayload replaces an item's payload, e.g. to remove a secret once it is no longer needed.
func (tx *Tx) SetOutboxPayload(ctx context.Context, id uint, payload string, now time.Time) error {
	return tx.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id = ?", id).
		Updates(map[string]any{"payload": payload, "updated_at": now}).Error
}

// OutboxFilter narrows ListOutbox.
type OutboxFilter struct {
	Status string      // "" for every status
	Topic  model.Topic // topic prefix ("stripe." for the family), "" for every topic
	Limit  int
	// BeforeID pages back: only items older than this id (0: from the newest).
	BeforeID uint
}

// ListOutbox returns outbox items, newest first, for the back office.
func (q Reads) ListOutbox(ctx context.Context, f OutboxFilter) ([]model.OutboxItem, error) {
	var items []model.OutboxItem
	return items, q.outboxQuery(ctx, f).Find(&items).Error
}

func (q Reads) outboxQuery(ctx context.Context, f OutboxFilter) *gorm.DB {
	db := q.db.WithContext(ctx).Model(&model.OutboxItem{}).Order("id DESC")
	if f.Status != "" {
		db = db.Where("status = ?", f.Status)
	}
	switch prefix := string(f.Topic); {
	case strings.Contains(prefix, ".") && !strings.HasSuffix(prefix, "."):
		// One topic: the (topic, id) index hands out its newest items in order, page by page.
		db = db.Where("topic = ?", prefix)
	case prefix != "":
		// A family or a prefix: a range, not LIKE 'prefix%', which SQLite cannot serve from an
		// index (its LIKE ignores case; topics are lower-case ASCII, so the range matches the same rows).
		db = db.Where("topic >= ? AND topic < ?", prefix, prefix[:len(prefix)-1]+string(prefix[len(prefix)-1]+1))
	}
	if f.BeforeID > 0 {
		db = db.Where("id < ?", f.BeforeID)
	}
	return db.Limit(f.PageSize())
}

// PageSize is how many items ListOutbox returns at most: Limit, or 100 when it is not 1..500.
func (f OutboxFilter) PageSize() int {
	if f.Limit <= 0 || f.Limit > 500 {
		return 100
	}
	return f.Limit
}

// OutboxItemByID returns one outbox item.
func (q Reads) OutboxItemByID(ctx context.Context, id uint) (model.OutboxItem, error) {
	var item model.OutboxItem
	err := q.db.WithContext(ctx).First(&item, id).Error
	return item, notFound(err, fmt.Sprintf("outbox item %d", id))
}

// ResendOutboxItem puts a failed item back in the queue with a fresh count of attempts. Only
// failed items can be resent: a pending one is already queued, and a done one was delivered.
func (tx *Tx) ResendOutboxItem(ctx context.Context, id uint, now time.Time) error {
	res := tx.db.WithContext(ctx).Model(&model.OutboxItem{}).
		Where("id = ? AND status = ?", id, model.OutboxFailed).
		Updates(map[string]any{"status": model.OutboxPending, "attempts": 0, "next_attempt_at": now, "updated_at": now})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 1 {
		return nil
	}
	item, err := tx.OutboxItemByID(ctx, id)
	if err != nil {
		return err
	}
	return fmt.Errorf("outbox item %d is %s, not failed: %w", id, item.Status, model.ErrInvalidTransition)
}
