package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// seedHistory stores bookings as given (created_at, seats, net, status; confirmed when empty) on
// one date, in one transaction.
func seedHistory(t testing.TB, st *store.Store, bookings []model.Booking) {
	t.Helper()
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 100000})
	for i := range bookings {
		b := &bookings[i]
		b.Reference, b.ManageTokenHash, b.DateID, b.Language = fmt.Sprintf("SEM-H%06d", i), "x", date.ID, "de"
		if b.Status == "" {
			b.Status = model.BookingConfirmed
		}
		b.PaymentMethod, b.PaymentStatus = model.PaymentInvoice, model.PaymentUnpaid
		b.Billing = model.Billing{Company: "Muster GmbH", Name: "Kontakt", Email: "billing@example.com",
			Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}
	}
	ctx := context.Background()
	if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateBookings(ctx, bookings) }); err != nil {
		t.Fatal(err)
	}
}

// goMonthlyTotals is how the dashboard added up its charts before the sums moved into SQL: every
// booking of the last thirteen months loaded and put into its month in the display zone.
func goMonthlyTotals(bookings []model.Booking, now time.Time, n int, loc *time.Location) []store.PeriodTotal {
	out := make([]store.PeriodTotal, n)
	now = now.In(loc)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, loc).AddDate(0, 1-n, 0)
	since := now.AddDate(-1, -1, 0)
	for _, b := range bookings {
		if b.CreatedAt.Before(since) || (b.Status != model.BookingConfirmed && b.Status != model.BookingPendingPayment) {
			continue
		}
		at := b.CreatedAt.In(loc)
		if i := (at.Year()-first.Year())*12 + int(at.Month()) - int(first.Month()); i >= 0 && i < n {
			out[i].Seats += int64(b.Seats)
			out[i].NetCents += b.NetCents
		}
	}
	return out
}

// variedHistory is two years of bookings at awkward instants: every status, month edges in Berlin
// (midnight UTC vs. midnight local), both DST changes, New Year, and a booking in the future.
func variedHistory() []model.Booking {
	statuses := []model.BookingStatus{model.BookingConfirmed, model.BookingPendingPayment, model.BookingCancelled,
		model.BookingExpired, model.BookingConfirmed}
	var out []model.Booking
	at := time.Date(2024, 12, 31, 22, 59, 59, 0, time.UTC)
	for i := range 900 {
		out = append(out, model.Booking{CreatedAt: at, Status: statuses[i%len(statuses)], Seats: 1 + i%4, NetCents: int64(49000 + 137*i)})
		at = at.Add(time.Duration(19*60+i%53) * time.Minute)
	}
	for _, edge := range []time.Time{
		time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC),   // New Year in Berlin
		time.Date(2025, 12, 31, 22, 59, 59, 0, time.UTC), // still December
		time.Date(2026, 3, 29, 0, 59, 0, 0, time.UTC),    // night of the spring DST change
		time.Date(2026, 3, 31, 22, 0, 0, 0, time.UTC),    // 1 April, 00:00 CEST
		time.Date(2026, 3, 31, 21, 59, 59, 0, time.UTC),  // still March
		time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC),   // night of the autumn DST change
		time.Date(2026, 10, 31, 23, 0, 0, 0, time.UTC),   // 1 November, 00:00 CET
		time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC),      // in the future: in no chart
	} {
		out = append(out, model.Booking{CreatedAt: edge, Status: model.BookingConfirmed, Seats: 3, NetCents: 100001})
	}
	return out
}

// TestBookedByPeriodEqualsGoSums checks the SQL sums behind the dashboard's charts against the old
// Go computation on the same history, at several "now"s, on each database.
func TestBookedByPeriodEqualsGoSums(t *testing.T) {
	berlin := storetest.Berlin()
	history := variedHistory()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		seedHistory(t, st, history)
		cases := []struct {
			name string
			now  time.Time
		}{
			{"mid-month", time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)},
			{"New Year's first hour in Berlin", time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC)},
			{"New Year's Eve, last hour in Berlin", time.Date(2025, 12, 31, 22, 30, 0, 0, time.UTC)},
			{"the day of the spring DST change", time.Date(2026, 3, 29, 10, 0, 0, 0, time.UTC)},
			{"first hour of April (summer time)", time.Date(2026, 3, 31, 22, 15, 0, 0, time.UTC)},
			{"first hour of November (winter time)", time.Date(2026, 10, 31, 23, 10, 0, 0, time.UTC)},
			{"before most of the history", time.Date(2025, 2, 3, 8, 0, 0, 0, time.UTC)},
			{"after all of it", time.Date(2028, 1, 15, 8, 0, 0, 0, time.UTC)},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := st.BookedByPeriod(context.Background(), monthStarts(c.now, 12, berlin))
				if err != nil {
					t.Fatal(err)
				}
				want := goMonthlyTotals(history, c.now, 12, berlin)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("SQL sums\n %v\nGo sums\n %v", got, want)
				}
			})
		}
	})
}
