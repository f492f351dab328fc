package web_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestConcurrentHTTPBookingsNeverOversell fires 200+ bookings at once over HTTP at a date with few
// seats, on SQLite and PostgreSQL: exactly the free seats are sold, every other request gets 409
// sold_out, none gets a 5xx or "database is locked", and nothing partial is stored.
func TestConcurrentHTTPBookingsNeverOversell(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		const capacity, requests = 5, 220
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: capacity})
		ts := newServer(t, st)
		type result struct {
			status int
			body   string
			seats  int
		}
		results := make([]result, requests)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range requests {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				seats := 1
				if i%4 == 0 {
					seats = 3 // some bookings ask for more seats than may be left
				}
				body := strings.ReplaceAll(bookingJSON(date.ID, seats, ""), "@example.com", fmt.Sprintf(".%d@example.com", i))
				status, resp, _ := do(t, client(t), "POST", ts.URL+"/api/v1/bookings", "application/json", body)
				results[i] = result{status, resp, seats}
			}()
		}
		close(start)
		wg.Wait()
		sold := 0
		for i, r := range results {
			switch {
			case r.status == 201:
				sold += r.seats
			case r.status == 409 && strings.Contains(r.body, `"error":"sold_out"`):
			default:
				t.Fatalf("request %d: %d %s", i, r.status, r.body)
			}
		}
		after, err := st.DateByID(t.Context(), date.ID)
		if err != nil {
			t.Fatal(err)
		}
		attendees, _ := st.CountAttendees(t.Context())
		held, _ := st.SeatsHeldForDate(t.Context(), date.ID)
		if sold != capacity || after.SeatsTaken != capacity || int(attendees) != capacity || int(held) != capacity {
			t.Fatalf("sold %d, seats_taken %d, attendees %d, held %d; want %d each", sold, after.SeatsTaken, attendees, held, capacity)
		}
	})
}
