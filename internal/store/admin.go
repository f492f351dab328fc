package store

import (
	"context"
	"time"

	"seminars/internal/model"
)

// AdminUpcomingDates returns dates that end after now — drafts included, cancelled ones left
// out — with their seminars, earliest first.
func (q Queries) AdminUpcomingDates(ctx context.Context, now time.Time, limit int) ([]model.SeminarDate, error) {
	var dates []model.SeminarDate
	err := q.db.WithContext(ctx).Preload("Seminar").
		Where("ends_at > ? AND status <> ?", now.UTC(), model.DateCancelled).
		Order("starts_at, id").Limit(limit).Find(&dates).Error
	return dates, err
}

// CountOpenInvoices counts confirmed invoice bookings not yet paid.
func (q Queries) CountOpenInvoices(ctx context.Context) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Booking{}).
		Where("status = ? AND payment_method = ? AND payment_status = ?", model.BookingConfirmed, model.PaymentInvoice, model.PaymentUnpaid).
		Count(&n).Error
	return n, err
}
