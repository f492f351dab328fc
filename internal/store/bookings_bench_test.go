package store_test

import (
	"context"
	"fmt"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkBookingWrites is the booking transaction's own reads and writes in the store, without
// the use case: per op the date is read (DateToBook) and a booking with one attendee inserted
// (CreateBooking), 32 ops to a transaction so that the commit's fsync does not drown the CPU
// they cost. It runs against the code of any commit that has both methods, for A/B profiles.
func BenchmarkBookingWrites(b *testing.B) {
	const perTx = 32
	for _, db := range storetest.Databases {
		b.Run(db.Name, func(b *testing.B) {
			st := db.Open(b)
			date := storetest.SeedDate(b, st, storetest.DateOptions{Capacity: 1 << 30})
			ctx := context.Background()
			n := 0
			b.ReportAllocs()
			b.ResetTimer()
			for n < b.N {
				err := st.WithTx(ctx, func(tx *store.Tx) error {
					for i := 0; i < perTx && n < b.N; i++ {
						n++
						if _, err := tx.DateToBook(ctx, date.ID); err != nil {
							return err
						}
						bk := model.Booking{
							Reference: fmt.Sprintf("BENCH-%08d", n), DateID: date.ID, Status: model.BookingConfirmed,
							PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: "de", Seats: 1,
							Billing:   model.Billing{Company: "Bench GmbH", Name: "B. Bench", Email: "bench@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
							Attendees: []model.Attendee{{FirstName: "Ada", LastName: "Bench", Email: fmt.Sprintf("a%d@example.com", n)}},
						}
						if err := tx.CreateBooking(ctx, &bk); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
