package store

import (
	"context"

	"seminars/internal/model"
)

// AdminSeminarRow is a seminar of the back office's list with the number of its dates (any
// status), counted in SQL: the list shows the count, not the dates, so none of them is read.
type AdminSeminarRow struct {
	model.Seminar
	DateCount int64
}

// AdminSeminarsPage returns limit seminars from offset, published or not, by German title, each
// with its date count, and how many seminars there are in all. A seminar's dates are counted
// through idx_seminar_dates_seminar_id, so the page reads its own rows however long the
// history of dates grows.
func (q Reads) AdminSeminarsPage(ctx context.Context, offset, limit int) ([]AdminSeminarRow, int64, error) {
	var total int64
	if err := q.db.WithContext(ctx).Model(&model.Seminar{}).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var seminars []model.Seminar
	err := q.db.WithContext(ctx).Order("title_de, id").Offset(offset).Limit(limit).Find(&seminars).Error
	if err != nil || len(seminars) == 0 {
		return []AdminSeminarRow{}, total, err
	}
	ids := make([]uint, len(seminars))
	for i, s := range seminars {
		ids[i] = s.ID
	}
	var counts []struct {
		SeminarID uint
		N         int64
	}
	err = q.db.WithContext(ctx).Model(&model.SeminarDate{}).Select("seminar_id, COUNT(*) AS n").
		Where("seminar_id IN ?", ids).Group("seminar_id").Scan(&counts).Error
	byID := make(map[uint]int64, len(counts))
	for _, c := range counts {
		byID[c.SeminarID] = c.N
	}
	rows := make([]AdminSeminarRow, len(seminars))
	for i, s := range seminars {
		rows[i] = AdminSeminarRow{Seminar: s, DateCount: byID[s.ID]}
	}
	return rows, total, err
}

// BookingsOfDatePage returns limit bookings from offset of those holding seats on a date, oldest
// first, without their attendees, and how many there are in all: for a page that lists the
// bookings (the offer page) and links to the attendee list for the people.
func (q Reads) BookingsOfDatePage(ctx context.Context, dateID uint, offset, limit int) ([]model.Booking, int64, error) {
	held := q.db.WithContext(ctx).Model(&model.Booking{}).Where("date_id = ? AND status IN ?", dateID, heldSeats)
	var total int64
	if err := held.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	bookings := []model.Booking{}
	err := q.db.WithContext(ctx).Where("date_id = ? AND status IN ?", dateID, heldSeats).
		Order("created_at, id").Offset(offset).Limit(limit).Find(&bookings).Error
	return bookings, total, err
}
