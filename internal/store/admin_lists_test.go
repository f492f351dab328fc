package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// seedSeminarWithDates stores a seminar titled title with n dates (one a day from start).
func seedSeminarWithDates(t *testing.T, st *store.Store, title string, n int, start time.Time) model.Seminar {
	t.Helper()
	sem := model.Seminar{Slug: strings.ToLower(strings.ReplaceAll(title, " ", "-")), TitleDE: title, TitleEN: title,
		FunctionList: "marketing", DurationMinutes: 480, DefaultPriceCents: 49000}
	for i := range n {
		at := start.Add(time.Duration(i) * 24 * time.Hour)
		sem.Dates = append(sem.Dates, model.SeminarDate{StartsAt: at, EndsAt: at.Add(8 * time.Hour), Capacity: 10,
			PriceNetCents: 49000, Format: model.FormatOnline, Status: model.DatePublished})
	}
	if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateSeminar(context.Background(), &sem) }); err != nil {
		t.Fatal(err)
	}
	return sem
}

// TestAdminSeminarsPage pages the back office's seminar list by German title with each seminar's
// date count, in a fixed number of statements that each read a page or a count: a seminar with
// a long history of dates costs the page no more rows than one without.
func TestAdminSeminarsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		start := st.Now().Add(-400 * 24 * time.Hour)
		seedSeminarWithDates(t, st, "Beta", 40, start)
		seedSeminarWithDates(t, st, "Alpha", 3, start)
		seedSeminarWithDates(t, st, "Gamma", 0, start)
		seedSeminarWithDates(t, st, "Delta", 1, start)
		queries, err := store.CaptureQueries(st)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name          string
			offset, limit int
			want          string // title:count of each row
		}{
			{"first page", 0, 2, "[Alpha:3 Beta:40]"},
			{"second page", 2, 2, "[Delta:1 Gamma:0]"},
			{"past the end", 4, 2, "[]"},
			{"all on one page", 0, 500, "[Alpha:3 Beta:40 Delta:1 Gamma:0]"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				*queries = (*queries)[:0]
				rows, total, err := st.AdminSeminarsPage(context.Background(), c.offset, c.limit)
				if err != nil {
					t.Fatal(err)
				}
				got := []string{}
				for _, r := range rows {
					got = append(got, fmt.Sprintf("%s:%d", r.TitleDE, r.DateCount))
				}
				if fmt.Sprint(got) != c.want || total != 4 {
					t.Fatalf("got %v of %d, want %s of 4", got, total, c.want)
				}
				checkBoundedReads(t, *queries, 3)
			})
		}
	})
}

// TestBookingsOfDatePage pages the bookings holding seats on a date, oldest first, without their
// attendees, with the total; cancelled bookings are left out of both.
func TestBookingsOfDatePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 100})
		for i := range 5 {
			seedBooking(t, st, date, fmt.Sprintf("SEM-P%05d", i), "Firma", "Eins", "Zwei")
		}
		cancelled := model.Booking{Reference: "SEM-PCANCL", ManageTokenHash: "x", DateID: date.ID, Status: model.BookingCancelled,
			PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: "de", Seats: 1,
			Billing:   model.Billing{Company: "Firma", Name: "Kontakt", Email: "billing@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
			Attendees: []model.Attendee{{FirstName: "Vor", LastName: "Drei", Email: "drei@example.com"}}}
		if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateBooking(context.Background(), &cancelled) }); err != nil {
			t.Fatal(err)
		}
		queries, err := store.CaptureQueries(st)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name          string
			offset, limit int
			want          string
		}{
			{"first page", 0, 2, "[SEM-P00000 SEM-P00001]"},
			{"last page", 4, 2, "[SEM-P00004]"},
			{"past the end", 6, 2, "[]"},
			{"all", 0, 500, "[SEM-P00000 SEM-P00001 SEM-P00002 SEM-P00003 SEM-P00004]"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				*queries = (*queries)[:0]
				bookings, total, err := st.BookingsOfDatePage(context.Background(), date.ID, c.offset, c.limit)
				if err != nil {
					t.Fatal(err)
				}
				got := []string{}
				for _, b := range bookings {
					if len(b.Attendees) != 0 {
						t.Errorf("%s came with its attendees", b.Reference)
					}
					got = append(got, b.Reference)
				}
				if fmt.Sprint(got) != c.want || total != 5 {
					t.Fatalf("got %v of %d, want %s of 5", got, total, c.want)
				}
				checkBoundedReads(t, *queries, 2)
			})
		}
	})
}

// checkBoundedReads fails unless a read ran at most max statements, each a count, a grouped
// count or a LIMITed page: none that reads a table's history row by row.
func checkBoundedReads(t *testing.T, queries []string, max int) {
	t.Helper()
	if len(queries) == 0 || len(queries) > max {
		t.Errorf("%d statements, want 1 to %d: %q", len(queries), max, queries)
	}
	for _, q := range queries {
		upper := strings.ToUpper(q)
		if !strings.Contains(upper, "LIMIT") && !strings.Contains(upper, "COUNT(") {
			t.Errorf("unbounded read: %s", q)
		}
	}
}
