package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// ClaimDueOutboxItems leases up to limit due pending items of topics starting with prefix to the
// caller until now+lease and returns them, the longest due first, each with NextAttemptAt set
// to the lease's end. Two workers — goroutines of one process or instances sharing one
// PostgreSQL — never get the same item: on PostgreSQL the rows are locked as they are chosen
// and rows another claim holds are skipped (FOR UPDATE SKIP LOCKED), so the update cannot
// meet a row that changed under it; SQLite has one writer, and the transaction holds it from
// its first statement. A worker that dies holding the lease leaves the items pending: they are
// due again once it has run out.
func (tx *Tx) ClaimDueOutboxItems(ctx context.Context, prefix model.Topic, now time.Time, limit int, lease time.Duration) ([]model.OutboxItem, error) {
	var items []model.OutboxItem
	locked := tx.db.WithContext(ctx).Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate, Options: clause.LockingOptionsSkipLocked})
	err := dueOutbox(locked, prefix, now).Limit(limit).Find(&items).Error
	if err != nil || len(items) == 0 {
		return nil, err
	}
	ids := make([]uint, len(items))
	until := now.Add(lease).Truncate(time.Microsecond) // as PostgreSQL keeps it, so ReleaseOutboxItems finds it
	for i := range items {
		ids[i], items[i].NextAttemptAt = items[i].ID, until
	}
	err = tx.db.WithContext(ctx).Model(&model.OutboxItem{}).Where("id IN ?", ids).
		Updates(map[string]any{"next_attempt_at": until, "updated_at": now}).Error
	if err != nil {
		return nil, err
	}
	return items, nil
}

// ReleaseOutboxItems gives claimed items that were never worked back to the queue at once
// (a round cut short by shutdown or a database error), instead of after their lease. Items
// whose lease is no longer the one given (another worker took them after it ran out, or they
// were recorded meanwhile) are left alone. One statement per maxInList items: the items of one
// claim share their lease's end, so each part is one UPDATE whatever its size.
func (tx *Tx) ReleaseOutboxItems(ctx context.Context, items []model.OutboxItem, now time.Time) error {
	type lease struct {
		until time.Time
		ids   []uint
	}
	var leases []*lease // in the order first met
	byEnd := map[int64]*lease{}
	for _, item := range items {
		l := byEnd[item.NextAttemptAt.UnixNano()]
		if l == nil {
			l = &lease{until: item.NextAttemptAt}
			byEnd[item.NextAttemptAt.UnixNano()], leases = l, append(leases, l)
		}
		l.ids = append(l.ids, item.ID)
	}
	for _, l := range leases {
		err := inChunks(l.ids, func(ids []uint) error {
			return tx.db.WithContext(ctx).Model(&model.OutboxItem{}).
				Where("id IN ? AND status = ? AND next_attempt_at = ?", ids, model.OutboxPending, l.until).
				Updates(map[string]any{"next_attempt_at": now, "updated_at": now}).Error
		})
		if err != nil {
			return err
		}
	}
	return nil
}
