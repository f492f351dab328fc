package store

import (
	"context"
	"time"

	"seminars/internal/model"
)

// CalendarDates returns the dates of the trainer's calendar: every published or cancelled date
// that ends after since (drafts are not scheduled yet), with its seminar and confirmed seats
// (for the fill level against the minimum), earliest first.
func (q Reads) CalendarDates(ctx context.Context, since time.Time) ([]model.SeminarDate, error) {
	var dates []model.SeminarDate
	err := q.db.WithContext(ctx).Preload("Seminar").
		Where("ends_at > ? AND status IN ?", since.UTC(), []string{model.DatePublished, model.DateCancelled}).
		Order("starts_at, id").Find(&dates).Error
	if err != nil {
		return nil, err
	}
	return dates, q.fillSeatsConfirmed(ctx, datePtrs(dates)...)
}
