package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// CreateInquiry stores an in-house inquiry.
func (tx *Tx) CreateInquiry(ctx context.Context, i *model.InhouseInquiry) error {
	return tx.db.WithContext(ctx).Create(i).Error
}

// Inquiries returns the inquiries, open ones first, newest first within each.
func (q Reads) Inquiries(ctx context.Context, limit int) ([]model.InhouseInquiry, error) {
	var out []model.InhouseInquiry
	err := q.db.WithContext(ctx).
		Order(fmt.Sprintf("CASE WHEN status = '%s' THEN 0 ELSE 1 END, created_at DESC, id DESC", model.InquiryNew)).
		Limit(limit).Find(&out).Error
	return out, err
}

// CountOpenInquiries counts the inquiries nobody has handled yet.
func (q Reads) CountOpenInquiries(ctx context.Context) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.InhouseInquiry{}).Where("status = ?", model.InquiryNew).Count(&n).Error
	return n, err
}

// SetInquiryStatus marks an inquiry new or done.
func (tx *Tx) SetInquiryStatus(ctx context.Context, id uint, status string) error {
	res := tx.db.WithContext(ctx).Model(&model.InhouseInquiry{}).Where("id = ?", id).
		Updates(map[string]any{"status": status, "updated_at": tx.stamp()})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("inquiry %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// InquiryByID returns one in-house inquiry.
func (q Reads) InquiryByID(ctx context.Context, id uint) (model.InhouseInquiry, error) {
	var i model.InhouseInquiry
	err := q.db.WithContext(ctx).First(&i, id).Error
	return i, notFound(err, "inquiry")
}
