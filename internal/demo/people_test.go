package demo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"seminars/internal/model"
)

// TestSeedShowsTrainersAndVenues: the seeded catalogue names a venue record with room and
// accessibility notes for every in-person date, at least one trainer for every date (two in
// person), and each trainer's photo is a file the app serves.
func TestSeedShowsTrainersAndVenues(t *testing.T) {
	ctx := context.Background()
	loc, now := wednesdayMorning(t)
	st := seededStore(t, now, loc)
	seminars, err := st.Catalogue(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	inPerson := 0
	for _, s := range seminars {
		for _, d := range s.Dates {
			wantTrainers := 1
			if d.Format == model.FormatInPerson {
				inPerson++
				wantTrainers = 2
				v := d.VenueRecord
				if v == nil || v.Name != d.Venue || v.City != d.City || v.Address != d.Address || v.Room == "" || v.Accessibility == "" || v.MapURL == "" {
					t.Errorf("%s %s: venue record %+v for %q, %q, %q", s.Slug, d.StartsAt, v, d.Venue, d.City, d.Address)
				}
			} else if d.VenueID != nil {
				t.Errorf("%s %s: online date names venue %d", s.Slug, d.StartsAt, *d.VenueID)
			}
			if len(d.Trainers) != wantTrainers {
				t.Errorf("%s %s (%s): %d trainers, want %d", s.Slug, d.StartsAt, d.Format, len(d.Trainers), wantTrainers)
			}
		}
	}
	if inPerson == 0 {
		t.Fatal("the demo has no in-person date")
	}
	people, err := st.Trainers(ctx)
	if err != nil || len(people) != len(trainers) {
		t.Fatalf("%d trainers (%v), want %d", len(people), err, len(trainers))
	}
	for _, p := range people {
		if p.BioDE == "" || p.BioEN == "" {
			t.Errorf("%s: bio missing", p.Name)
		}
		file := filepath.Join("..", "..", strings.TrimPrefix(p.PhotoURL, "/"))
		if _, err := os.Stat(file); err != nil {
			t.Errorf("%s: photo %s: %v", p.Name, p.PhotoURL, err)
		}
	}
}
