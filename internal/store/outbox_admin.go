package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
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
	Status string // "" for every status
	// Topic is a topic and its dotted sub-topics: "mail" is mail, mail.send and mail.event, not
	// mailbox; "mail.send" is mail.send and mail.send.x. A trailing dot ("stripe.") names the
	// same family. "" for every topic.
	Topic model.Topic
	Limit int
	// BeforeID pages back: only items older than this id (0: from the newest).
	BeforeID uint
}

// ListOutbox returns outbox items, newest first, for the back office.
func (q Reads) ListOutbox(ctx context.Context, f OutboxFilter) ([]model.OutboxItem, error) {
	var items []model.OutboxItem
	for _, query := range q.outboxQueries(ctx, f) {
		var part []model.OutboxItem
		if err := query.Find(&part).Error; err != nil {
			return nil, err
		}
		items = append(items, part...)
	}
	// Each part is newest first and at most a page; the topic and its sub-topics are apart.
	slices.SortFunc(items, func(a, b model.OutboxItem) int { return cmp.Compare(b.ID, a.ID) })
	return items[:min(len(items), f.PageSize())], nil
}

// outboxQueries are the queries whose items, merged newest first, are a page of ListOutbox:
// one without a topic, otherwise one for the topic itself and one for its sub-topics. Apart,
// the topic's own items come from the (topic, id) index in order, page by page, however long
// the history; an OR of the two would sort every item of the topic for each page. The
// sub-topics are a range of the same index, not LIKE 'topic.%': SQLite cannot serve LIKE from
// an index (its LIKE ignores case), and a range has no wildcards, so an "_" or "%" in the
// filter is itself. Text compares byte by byte (SQLite's BINARY, PostgreSQL's C collation, as
// the database is created), where the values starting with "topic." are exactly those from
// "topic." up to "topic/", '/' being the byte after '.'.
func (q Reads) outboxQueries(ctx context.Context, f OutboxFilter) []*gorm.DB {
	base := func() *gorm.DB {
		db := q.db.WithContext(ctx).Model(&model.OutboxItem{}).Order("id DESC")
		if f.Status != "" {
			db = db.Where("status = ?", f.Status)
		}
		if f.BeforeID > 0 {
			db = db.Where("id < ?", f.BeforeID)
		}
		return db.Limit(f.PageSize())
	}
	family := topicFamily(f.Topic)
	if family == "" {
		return []*gorm.DB{base()}
	}
	return []*gorm.DB{
		base().Where("topic = ?", family),
		base().Where("topic >= ? AND topic < ?", family+".", family+"/"),
	}
}

// topicFamily is the topic a filter value names: the value without a trailing dot.
func topicFamily(t model.Topic) string {
	if family := strings.TrimSuffix(string(t), "."); family != "" {
		return family
	}
	return string(t)
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
