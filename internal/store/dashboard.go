package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

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
	var rows []struct {
		Period   int
		Seats    int64
		NetCents int64
	}
	if err := q.bookedByPeriodQuery(ctx, bounds).Scan(&rows).Error; err != nil {
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

func (q Reads) bookedByPeriodQuery(ctx context.Context, bounds []time.Time) *gorm.DB {
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
	return q.db.WithContext(ctx).Model(&model.Booking{}).
		Select(bucket.String()+` AS period, COALESCE(SUM(CASE WHEN status IN ? THEN seats ELSE 0 END), 0) AS seats,
			COALESCE(SUM(CASE WHEN status IN ? THEN net_cents ELSE 0 END), 0) AS net_cents`, append(args, heldSeats, heldSeats)...).
		// The status is tested in the sums, not in WHERE: with only the time range there, the
		// planner takes idx_bookings_created (which covers the query) and never idx_bookings_status.
		Where("created_at >= ? AND created_at < ?", bounds[0].UTC(), bounds[len(bounds)-1].UTC()).
		Group("period")
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
