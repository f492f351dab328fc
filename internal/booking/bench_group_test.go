package booking_test

import (
	"context"
	"testing"

	"seminars/internal/booking"
	"seminars/internal/store/storetest"
)

// BenchmarkReserveManyClients is BenchmarkReserveParallel with 64 concurrent bookers on 2 cores,
// the load test's client count, on SQLite: what group commit has to batch. members/batch is how
// many bookings shared one commit.
func BenchmarkReserveManyClients(b *testing.B) {
	st := storetest.SQLite(b)
	svc := newService(st)
	date := storetest.SeedDate(b, st, storetest.DateOptions{Capacity: 1 << 30})
	ctx := context.Background()
	before := st.GroupStats()
	b.SetParallelism(32)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := svc.Reserve(ctx, request(date.ID, 1)); err != nil {
				if _, soldOut := booking.IsSoldOut(err); !soldOut {
					b.Error(err)
					return
				}
			}
		}
	})
	b.StopTimer()
	if g := st.GroupStats(); g.Batches > before.Batches {
		b.ReportMetric(float64(g.Members-before.Members)/float64(g.Batches-before.Batches), "members/batch")
	}
}
