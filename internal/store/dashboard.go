package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// PeriodTotal is what was booked in one period of the dashboard's charts: seats and net revenue
// of the bookings that hold or held sold seats (pending or confirmed).
type PeriodTotal struct {
	Seats    int64
	NetCents int64
}

// BookedByPeriod adds up the bookings created in each period [bounds[i], bounds[i+1]) in SQL, so
// the dashboard reads len(bounds)-1 rows however long the history is. The bounds are instants
// (a month in the display zone starts at a different UTC hour in winter and summer), ascending.
func (q Reads) BookedByPeriod(ctx context.Context, bounds []time.Time) ([]PeriodTotal, error) {
	if len(bounds) < 2 {
		return nil, nil
	}
	// One CASE picks each row's period: portable between SQLite and PostgreSQL, and no
	// time-zone arithmetic in SQL (SQLite has no zone database).
	var bucket strings.Builder
	args := make([]any, 0, 2*len(bounds)+2)
	bucket.WriteString("CASE")
	for i, b := range bounds[1 : len(bounds)-1] {
		bucket.WriteString(" WHEN created_at < ? THEN ")
		bucket.WriteString(strconv.Itoa(i))
		args = append(args, b.UTC())
	}
	bucket.WriteString(" ELSE ")
	bucket.WriteString(strconv.Itoa(len(bounds) - 2))
	bucket.WriteString(" END")
	var rows []struct {
		Period   int
		Seats    int64
		NetCents int64
	}
	err := q.db.WithContext(ctx).Model(&model.Booking{}).
		Select(bucket.String()+" AS period, COALESCE(SUM(seats), 0) AS seats, COALESCE(SUM(net_cents), 0) AS net_cents", args...).
		Where("created_at >= ? AND created_at < ? AND status IN ?", bounds[0].UTC(), bounds[len(bounds)-1].UTC(),
			[]model.BookingStatus{model.BookingConfirmed, model.BookingPendingPayment}).
		Group("period").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]PeriodTotal, len(bounds)-1)
	for _, r := range rows {
		if r.Period >= 0 && r.Period < len(out) {
			out[r.Period] = PeriodTotal{Seats: r.Seats, NetCents: r.NetCents}
		}
	}
	return out, nil
}

// CreateBookings inserts many bookings with their attendees in batches inside the caller's
// transaction: seeding a large history (load tests, benchmarks, imports) in seconds, not minutes.
// Seats are not taken; the caller does that once per date.
func (tx *Tx) CreateBookings(ctx context.Context, bookings []model.Booking) error {
	if len(bookings) == 0 {
		return nil
	}
	return tx.db.WithContext(ctx).CreateInBatches(bookings, 200).Error
}
