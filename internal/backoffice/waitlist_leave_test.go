package backoffice

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestLeavingTheWaitingList: a wrong secret finds nothing; leaving an entry that holds an offer
// gives its seats back and offers them to the next in line in the same transaction; leaving again
// changes nothing.
func TestLeavingTheWaitingList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		clk := storetest.NewClock(t)
		w, bookings := newTestWaitlist(st, clk)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 2})
		if _, err := bookings.Reserve(ctx, request(date.ID, 2)); err != nil {
			t.Fatal(err)
		}
		var line []model.WaitlistEntry
		for i := range 2 {
			e := model.WaitlistEntry{DateID: date.ID, Name: fmt.Sprint("W", i), Email: fmt.Sprintf("w%d@example.com", i), Seats: 1, Language: "de"}
			if err := w.Join(ctx, &e); err != nil {
				t.Fatal(err)
			}
			line = append(line, e)
		}
		freeSeats(t, st, date.ID, 1)
		if n, err := w.Process(ctx); err != nil || n != 1 {
			t.Fatalf("offers %d (%v)", n, err)
		}
		first := line[0]
		token := strings.TrimPrefix(w.LeaveURL(first.ID), fmt.Sprintf("https://seminare.example/waitlist/leave/%d/", first.ID))
		if _, err := w.Leave(ctx, first.ID, token+"x"); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("wrong secret: %v", err)
		}
		if _, err := w.Leave(ctx, line[1].ID, token); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("another entry's secret: %v", err)
		}
		for range 2 {
			left, err := w.Leave(ctx, first.ID, token)
			if err != nil || left.Status != model.WaitlistWithdrawn {
				t.Fatalf("leave: %v, status %s", err, left.Status)
			}
			entries, _ := st.WaitlistForDate(ctx, date.ID)
			d, _ := st.DateByID(ctx, date.ID)
			if entries[1].Status != model.WaitlistOffered || d.SeatsTaken != 2 {
				t.Fatalf("after leaving: next is %s, %d seats taken; want the offer passed on, the seat held", entries[1].Status, d.SeatsTaken)
			}
		}
	})
}
