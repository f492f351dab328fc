package store

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
)

// The run decision of a date: its minimum of confirmed seats, the trainer's confirmation, and
// which dates are still open inside the decision window.

// seatsConfirmed returns the seats of confirmed bookings per date, for the dates named.
func (q Reads) seatsConfirmed(ctx context.Context, ids []uint) (map[uint]int, error) {
	out := map[uint]int{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		DateID uint
		Seats  int
	}
	err := q.db.WithContext(ctx).Model(&model.Booking{}).
		Select("date_id, COALESCE(SUM(seats), 0) AS seats").
		Where("date_id IN ? AND status = ?", ids, model.BookingConfirmed).
		Group("date_id").Scan(&rows).Error
	for _, r := range rows {
		out[r.DateID] = r.Seats
	}
	return out, err
}

// fillSeatsConfirmed sets SeatsConfirmed of every date given, in one query, and loads each
// date's venue record and trainers (fillVenuesAndTrainers).
func (q Reads) fillSeatsConfirmed(ctx context.Context, dates ...*model.SeminarDate) error {
	ids := make([]uint, 0, len(dates))
	for _, d := range dates {
		ids = append(ids, d.ID)
	}
	seats, err := q.seatsConfirmed(ctx, ids)
	for _, d := range dates {
		d.SeatsConfirmed = seats[d.ID]
	}
	if err != nil {
		return err
	}
	// Every read that counts a date's seats shows the date: load its venue and trainers with it.
	return q.fillVenuesAndTrainers(ctx, dates...)
}

// datePtrs points at each date of a slice, for fillSeatsConfirmed.
func datePtrs(dates []model.SeminarDate) []*model.SeminarDate {
	out := make([]*model.SeminarDate, len(dates))
	for i := range dates {
		out[i] = &dates[i]
	}
	return out
}

// fillSeminarSeats is fillSeatsConfirmed for the dates of seminars.
func (q Reads) fillSeminarSeats(ctx context.Context, seminars ...*model.Seminar) error {
	var dates []*model.SeminarDate
	for _, s := range seminars {
		dates = append(dates, datePtrs(s.Dates)...)
	}
	return q.fillSeatsConfirmed(ctx, dates...)
}

// DatesDecisionOpen returns the published dates with a minimum, not confirmed by the trainer,
// that start after now and no later than until, with their seminars and confirmed seats,
// earliest first. Those still below their minimum (model.SeminarDate.DecisionDue) need the
// trainer's decision.
func (q Reads) DatesDecisionOpen(ctx context.Context, now, until time.Time) ([]model.SeminarDate, error) {
	var dates []model.SeminarDate
	err := q.db.WithContext(ctx).Preload("Seminar").
		Where("status = ? AND min_participants > 0 AND run_confirmed_at IS NULL", model.DatePublished).
		Where("starts_at > ? AND starts_at <= ?", now.UTC(), until.UTC()).
		Order("starts_at, id").Find(&dates).Error
	if err != nil {
		return nil, err
	}
	return dates, q.fillSeatsConfirmed(ctx, datePtrs(dates)...)
}

// ConfirmDateRun records that the trainer confirmed at time at that a published date takes place.
// It changes nothing and returns false when the date is not published or was confirmed already.
func (tx *Tx) ConfirmDateRun(ctx context.Context, id uint, at time.Time) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.SeminarDate{}).
		Where("id = ? AND status = ? AND run_confirmed_at IS NULL", id, model.DatePublished).
		Updates(map[string]any{"run_confirmed_at": at.UTC(), "updated_at": tx.stamp()})
	if res.Error != nil {
		return false, fmt.Errorf("confirm date %d: %w", id, res.Error)
	}
	return res.RowsAffected == 1, nil
}
