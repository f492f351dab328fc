package calendar_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestFeedLocationNamesTheVenueRoom: the trainer's feed names a date's venue record with its room,
// as the attendees' invites do, and a free-text date with its venue and address.
func TestFeedLocationNamesTheVenueRoom(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		svc := newService(t, st, clk, "calendar-test-key-0123456789abcdefgh")
		atVenue := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, Clock: clk, StartsIn: 72 * time.Hour})
		storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, Clock: clk, StartsIn: 96 * time.Hour})
		v := model.Venue{Name: "Speicherhaus", City: "Hamburg", Address: "Am Sandtorkai 7, 20457 Hamburg", Room: "Saal Elbe"}
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			if err := tx.CreateVenue(ctx, &v); err != nil {
				return err
			}
			atVenue.UseVenue(v)
			return tx.UpdateDate(ctx, &atVenue)
		})
		if err != nil {
			t.Fatal(err)
		}
		url, err := svc.URL(ctx)
		if err != nil {
			t.Fatal(err)
		}
		feed, err := svc.Feed(ctx, secretOf(url))
		if err != nil {
			t.Fatal(err)
		}
		unfolded := strings.ReplaceAll(string(feed), "\r\n ", "")
		for _, want := range []string{
			`LOCATION:Speicherhaus\, Saal Elbe\, Am Sandtorkai 7\, 20457 Hamburg` + "\r\n",
			`LOCATION:Tagungshaus\, Hauptstraße 1\, 10115 Berlin` + "\r\n",
		} {
			if !strings.Contains(unfolded, want) {
				t.Errorf("feed lacks %q:\n%s", want, unfolded)
			}
		}
	})
}
