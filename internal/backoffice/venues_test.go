package backoffice

import (
	"context"
	"errors"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestVenueChangeReachesUpcomingDates: a venue's new address goes into its upcoming published
// and draft dates (a published one's sequence goes up, so its attendees hear of it), not into a
// past or cancelled one; a venue that dates name cannot be deleted, an unused one can.
func TestVenueChangeReachesUpcomingDates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		office, _ := newTestOffice(t, st)
		seed := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		v := model.Venue{Name: "Speicherhaus", City: "Hamburg", Address: "Am Sandtorkai 7, 20457 Hamburg"}
		if err := office.CreateVenue(ctx, "test", &v); err != nil {
			t.Fatal(err)
		}
		now := office.now()
		add := func(name string, startsIn time.Duration, status string) model.SeminarDate {
			start := now.Add(startsIn).UTC()
			id := v.ID
			d := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 5, Format: model.FormatInPerson,
				City: "wird ersetzt", VenueID: &id, Status: status}
			if err := office.CreateDate(ctx, "test", seed.SeminarID, &d); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if d.City != "Hamburg" || d.Venue != "Speicherhaus" || d.Address != v.Address {
				t.Fatalf("%s: created with %q, %q, %q; want the venue's strings", name, d.City, d.Venue, d.Address)
			}
			return d
		}
		cases := []struct {
			name     string
			date     model.SeminarDate
			moves    bool
			sequence int
		}{
			{"upcoming published", add("upcoming", 10*24*time.Hour, model.DatePublished), true, 1},
			{"upcoming draft", add("draft", 12*24*time.Hour, model.DateDraft), true, 0},
			{"past", add("past", -10*24*time.Hour, model.DatePublished), false, 0},
			{"cancelled", add("cancelled", 14*24*time.Hour, model.DateCancelled), false, 0},
		}
		moved := v
		moved.Address, moved.Room = "Am Sandtorkai 9, 20457 Hamburg", "Saal Alster"
		if err := office.UpdateVenue(ctx, "test", moved); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				d, err := st.DateByID(ctx, c.date.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := v.Address
				if c.moves {
					want = moved.Address
				}
				if d.Address != want || d.Sequence != c.sequence {
					t.Fatalf("address %q sequence %d, want %q and %d", d.Address, d.Sequence, want, c.sequence)
				}
				if d.VenueRecord == nil || d.VenueRecord.Room != "Saal Alster" {
					t.Fatalf("venue record %+v: room is read live", d.VenueRecord)
				}
			})
		}
		if err := office.DeleteVenue(ctx, "test", v.ID); !errors.Is(err, model.ErrInUse) {
			t.Fatalf("deleting a venue in use: %v, want ErrInUse", err)
		}
		spare := model.Venue{Name: "Leer", City: "Bremen"}
		if err := office.CreateVenue(ctx, "test", &spare); err != nil {
			t.Fatal(err)
		}
		if err := office.DeleteVenue(ctx, "test", spare.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := st.VenueByID(ctx, spare.ID); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("deleted venue still there: %v", err)
		}
	})
}

// TestDateTrainers: a date keeps its trainers in the order given; nil keeps them on an update,
// an empty list removes them; an unknown trainer is a validation error and changes nothing; a
// trainer on a date cannot be deleted.
func TestDateTrainers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		office, _ := newTestOffice(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		a, b := model.Trainer{Name: "Anna A"}, model.Trainer{Name: "Bert B"}
		for _, tr := range []*model.Trainer{&a, &b} {
			if err := office.CreateTrainer(ctx, "test", tr); err != nil {
				t.Fatal(err)
			}
		}
		names := func() []string {
			d, err := st.DateByID(ctx, date.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, tr := range d.Trainers {
				out = append(out, tr.Name)
			}
			return out
		}
		cases := []struct {
			name     string
			trainers []model.Trainer
			wantErr  bool
			want     []string
		}{
			{"in the order given", []model.Trainer{{ID: b.ID}, {ID: a.ID}}, false, []string{"Bert B", "Anna A"}},
			{"nil keeps them", nil, false, []string{"Bert B", "Anna A"}},
			{"unknown trainer changes nothing", []model.Trainer{{ID: a.ID}, {ID: 99999}}, true, []string{"Bert B", "Anna A"}},
			{"one", []model.Trainer{{ID: a.ID}}, false, []string{"Anna A"}},
			{"empty removes them", []model.Trainer{}, false, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				d, err := st.DateByID(ctx, date.ID)
				if err != nil {
					t.Fatal(err)
				}
				d.Trainers = c.trainers
				err = office.UpdateDate(ctx, "test", d)
				var invalid *model.ValidationError
				if c.wantErr != errors.As(err, &invalid) || (!c.wantErr && err != nil) {
					t.Fatalf("err = %v, want validation error: %v", err, c.wantErr)
				}
				if got := names(); len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) || (len(got) > 1 && got[1] != c.want[1]) {
					t.Fatalf("trainers %v, want %v", got, c.want)
				}
			})
		}
		d, _ := st.DateByID(ctx, date.ID)
		d.Trainers = []model.Trainer{{ID: b.ID}}
		if err := office.UpdateDate(ctx, "test", d); err != nil {
			t.Fatal(err)
		}
		if err := office.DeleteTrainer(ctx, "test", b.ID); !errors.Is(err, model.ErrInUse) {
			t.Fatalf("deleting a trainer on a date: %v, want ErrInUse", err)
		}
		if err := office.DeleteTrainer(ctx, "test", a.ID); err != nil {
			t.Fatal(err)
		}
	})
}
