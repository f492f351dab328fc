package booking_test

import (
	"context"
	"testing"

	"seminars/internal/booking"
	"seminars/internal/store/storetest"
)

// BenchmarkReserve measures one invoice booking of two attendees end to end through the use case
// on SQLite: the write transaction, the conditional seat take, the insert and the outbox event.
func BenchmarkReserve(b *testing.B) {
	for _, db := range storetest.Databases {
		b.Run(db.Name, func(b *testing.B) {
			st := db.Open(b)
			svc := newService(st)
			date := storetest.SeedDate(b, st, storetest.DateOptions{Capacity: 1 << 30})
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				if _, err := svc.Reserve(ctx, request(date.ID, 2)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReserveParallel is the same under contention from parallel goroutines.
func BenchmarkReserveParallel(b *testing.B) {
	st := storetest.SQLite(b)
	svc := newService(st)
	date := storetest.SeedDate(b, st, storetest.DateOptions{Capacity: 1 << 30})
	ctx := context.Background()
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
}
