package store

import (
	"context"
	"fmt"
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
	// One range sum per period, glued with UNION ALL: each part reads its stretch of
	// idx_bookings_created and nothing else (a CASE choosing the period per row, grouped, was 25
	// times slower on SQLite). No time-zone arithmetic in SQL: SQLite has no zone database. The
	// status is tested in the sums, not in WHERE, so each part stays one range of that index.
	const part = `SELECT %d AS period, COALESCE(SUM(CASE WHEN status IN ? THEN seats ELSE 0 END), 0) AS seats,
		COALESCE(SUM(CASE WHEN status IN ? THEN net_cents ELSE 0 END), 0) AS net_cents
		FROM bookings WHERE created_at >= ? AND created_at < ?`
	parts := make([]string, 0, len(bounds)-1)
	args := make([]any, 0, 5*(len(bounds)-1))
	for i := range len(bounds) - 1 {
		parts = append(parts, fmt.Sprintf(part, i)) // a literal: PostgreSQL cannot type a bare parameter in a UNION
		args = append(args, heldSeats, heldSeats, bounds[i].UTC(), bounds[i+1].UTC())
	}
	return q.db.WithContext(ctx).Raw(strings.Join(parts, " UNION ALL "), args...)
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
