package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkAdminSeminarsRead measures the seminar list's read (a page of seminars with their date
// counts) over 100 seminars of 10 and 200 dates each; the read it replaced (every seminar with
// every date) is measured against it in docs/benchmarks.md and gone. Run: go test ./internal/store -run '^$' -bench BenchmarkAdminSeminarsRead -benchtime 20x
func BenchmarkAdminSeminarsRead(b *testing.B) {
	for _, perSeminar := range []int{10, 200} {
		st := storetest.SQLite(b)
		start := st.Now().Add(-5 * 365 * 24 * time.Hour)
		for i := range 100 {
			sem := model.Seminar{Slug: fmt.Sprintf("s-%03d", i), TitleDE: fmt.Sprintf("Seminar %03d", i), DurationMinutes: 480, DefaultPriceCents: 49000}
			for j := range perSeminar {
				at := start.Add(time.Duration(j) * 24 * time.Hour)
				sem.Dates = append(sem.Dates, model.SeminarDate{StartsAt: at, EndsAt: at.Add(8 * time.Hour), Capacity: 10,
					PriceNetCents: 49000, Format: model.FormatOnline, Status: model.DatePublished})
			}
			if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateSeminar(context.Background(), &sem) }); err != nil {
				b.Fatal(err)
			}
		}
		ctx := context.Background()
		b.Run(fmt.Sprintf("page/%d", perSeminar*100), func(b *testing.B) {
			for range b.N {
				if _, _, err := st.AdminSeminarsPage(ctx, 0, 500); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOfferBookingsRead compares the offer page's read of its date's bookings before (all,
// with their attendees) and after (a page of 500, without) on a date of 5,000 bookings.
// Run: go test ./internal/store -run '^$' -bench BenchmarkOfferBookingsRead -benchtime 20x
func BenchmarkOfferBookingsRead(b *testing.B) {
	st := storetest.SQLite(b)
	ctx := context.Background()
	date := storetest.SeedDate(b, st, storetest.DateOptions{Capacity: 100000})
	bookings := make([]model.Booking, 0, 5000)
	for i := range 5000 {
		bookings = append(bookings, model.Booking{Reference: fmt.Sprintf("SEM-O%07d", i), ManageTokenHash: "x", DateID: date.ID,
			Status: model.BookingConfirmed, PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: "de", Seats: 2,
			Billing:   model.Billing{Company: "Firma", Name: "Kontakt", Email: "b@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
			Attendees: []model.Attendee{{FirstName: "A", LastName: fmt.Sprint("N", i), Email: "a@example.com"}, {FirstName: "B", LastName: fmt.Sprint("M", i), Email: "b@example.com"}}})
	}
	if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateBookings(ctx, bookings) }); err != nil {
		b.Fatal(err)
	}
	b.Run("all-with-attendees", func(b *testing.B) {
		for range b.N {
			if _, err := st.BookingsOfDate(ctx, date.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("page", func(b *testing.B) {
		for range b.N {
			if _, _, err := st.BookingsOfDatePage(ctx, date.ID, 0, 500); err != nil {
				b.Fatal(err)
			}
		}
	})
}
