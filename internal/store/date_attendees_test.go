package store_test

import (
	"context"
	"fmt"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestDateAttendeeListsShareOneOrder: the attendee list the trainer pages through and the
// bookings of a date (cancel notices, the date's edit page) list the attendees in one order, by
// last name ignoring letter case — "van Dyk" before "Vogel", "abegg" before "Abel", not after both as a
// byte-wise sort puts it.
func TestDateAttendeeListsShareOneOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		seedBooking(t, st, date, "SEM-ORDER1", "Muster GmbH", "Vogel", "van Dyk", "Abel", "abegg")
		want := "[abegg Abel van Dyk Vogel]"
		cases := []struct {
			name string
			read func() ([]model.Attendee, error)
		}{
			{"attendee list page", func() ([]model.Attendee, error) {
				list, _, _, err := st.AttendeesOfDatePage(ctx, date.ID, 0, 10)
				return list, err
			}},
			{"bookings of the date", func() ([]model.Attendee, error) {
				bookings, err := st.BookingsOfDate(ctx, date.ID)
				if err != nil || len(bookings) != 1 {
					return nil, fmt.Errorf("%d bookings, %v", len(bookings), err)
				}
				return bookings[0].Attendees, nil
			}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				list, err := c.read()
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, a := range list {
					names = append(names, a.LastName)
				}
				if got := fmt.Sprint(names); got != want {
					t.Errorf("order %s, want %s", got, want)
				}
			})
		}
	})
}
