package store

import (
	"context"

	"seminars/internal/model"
)

// CreateInquiry stores an in-house inquiry.
func (q Queries) CreateInquiry(ctx context.Context, in *model.Inquiry) error {
	return q.db.WithContext(ctx).Create(in).Error
}

// ListInquiries returns inquiries, newest first; status "" means all.
func (q Queries) ListInquiries(ctx context.Context, status string) ([]model.Inquiry, error) {
	var out []model.Inquiry
	db := q.db.WithContext(ctx).Order("created_at DESC, id DESC")
	if status != "" {
		db = db.Where("status = ?", status)
	}
	return out, db.Find(&out).Error
}

// SeminarTitles returns every published seminar's id and titles, for choosers in forms.
func (q Queries) SeminarTitles(ctx context.Context) ([]model.Seminar, error) {
	var out []model.Seminar
	err := q.db.WithContext(ctx).Select("id", "slug", "title_de", "title_en").
		Where("published = ?", true).Order("id").Find(&out).Error
	return out, err
}
