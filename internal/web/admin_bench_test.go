package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// seedBulkHistory stores n one-attendee bookings spread over the last 400 days and over dates
// (at most perDate bookings on each), in one transaction with batched inserts: the history of a
// busy few years in seconds. Every fifth booking is cancelled or expired, as in real life.
func seedBulkHistory(tb testing.TB, st *store.Store, n, perDate int) []model.SeminarDate {
	tb.Helper()
	ctx := context.Background()
	now := st.Now()
	var dates []model.SeminarDate
	for range (n + perDate - 1) / perDate {
		dates = append(dates, storetest.SeedDate(tb, st, storetest.DateOptions{Capacity: 100000}))
	}
	statuses := []model.BookingStatus{model.BookingConfirmed, model.BookingConfirmed, model.BookingPendingPayment,
		model.BookingConfirmed, model.BookingCancelled, model.BookingConfirmed, model.BookingConfirmed,
		model.BookingExpired, model.BookingConfirmed, model.BookingConfirmed}
	const batch = 5000
	for start := 0; start < n; start += batch {
		bookings := make([]model.Booking, 0, batch)
		for i := start; i < min(start+batch, n); i++ {
			bookings = append(bookings, model.Booking{
				Reference: fmt.Sprintf("SEM-B%07d", i), ManageTokenHash: "x", DateID: dates[i/perDate].ID,
				Status: statuses[i%len(statuses)], PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid,
				Language: "de", Seats: 1, UnitNetCents: 49000, NetCents: 49000, VATCents: 9310, GrossCents: 58310, VATRateBP: 1900,
				Billing: model.Billing{Company: fmt.Sprintf("Firma %d GmbH", i%997), Name: "Kontakt", Email: fmt.Sprintf("b%d@example.com", i),
					Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Attendees: []model.Attendee{{FirstName: "Vor", LastName: fmt.Sprintf("Name%07d", (i*7919)%n), Email: fmt.Sprintf("a%d@example.com", i)}},
				CreatedAt: now.Add(-time.Duration(i%400)*24*time.Hour - time.Duration(i%1440)*time.Minute),
			})
		}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateBookings(ctx, bookings) }); err != nil {
			tb.Fatal(err)
		}
	}
	return dates
}

// BenchmarkAdminDashboard is GET /admin as a signed-in owner over a history of 2,000 and 50,000
// bookings, on SQLite (and PostgreSQL when SEMINARS_TEST_POSTGRES is set): the page must not grow
// with history. Run: go test ./internal/web -run '^$' -bench BenchmarkAdminDashboard -benchtime 20x
func BenchmarkAdminDashboard(b *testing.B) {
	for _, db := range storetest.Databases {
		for _, n := range []int{2000, 50000} {
			b.Run(fmt.Sprintf("%s/%d", db.Name, n), func(b *testing.B) {
				env := benchAdminEnv(b, db.Open(b))
				seedBulkHistory(b, env.st, n, 5000)
				owner := env.signedIn("owner@example.com")
				for b.Loop() {
					if res, _ := owner.get("/admin"); res.StatusCode != http.StatusOK {
						b.Fatalf("status %d", res.StatusCode)
					}
				}
			})
		}
	}
}

// benchAdminEnv is newAdminEnv on st for benchmarks.
func benchAdminEnv(b *testing.B, st *store.Store) *adminEnv {
	srv, err := New(apptest.New(b, st, apptest.Config(b)))
	if err != nil {
		b.Fatal(err)
	}
	env := &adminEnv{t: b, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	b.Cleanup(env.http.Close)
	env.owner = env.addUser("owner@example.com", model.RoleOwner)
	return env
}
