package store

import (
	"context"

	"seminars/internal/model"
)

// AddAudit records a change; call it in the transaction that makes the change.
func (tx *Tx) AddAudit(ctx context.Context, e *model.AuditEntry) error {
	return tx.db.WithContext(ctx).Create(e).Error
}

// AuditLog returns the newest entries first.
func (q Reads) AuditLog(ctx context.Context, limit int) ([]model.AuditEntry, error) {
	var entries []model.AuditEntry
	err := q.db.WithContext(ctx).Order("created_at DESC, id DESC").Limit(limit).Find(&entries).Error
	return entries, err
}
