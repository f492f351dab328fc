package demo

import (
	"context"
	"testing"

	"seminars/internal/model"
)

// TestSeedMaterialsOnAPastDate: the demo's first seminar has a date two weeks back whose
// materials are all released by now — the handout file with its bytes, the recording and the
// checklist for every date — while the catalogue still lists upcoming dates only.
func TestSeedMaterialsOnAPastDate(t *testing.T) {
	ctx := context.Background()
	loc, now := wednesdayMorning(t)
	st := seededStore(t, now, loc)
	first := Catalogue(now, loc)[0]
	id, err := st.SeminarIDBySlug(ctx, first.Slug)
	if err != nil {
		t.Fatal(err)
	}
	sem, err := st.SeminarByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	past := sem.Dates[0] // the dates come by start
	if !past.EndsAt.Before(now) || len(sem.Dates) != len(first.Dates)+1 {
		t.Fatalf("first date %v (of %d); want a past one besides the catalogue's %d", past.StartsAt, len(sem.Dates), len(first.Dates))
	}
	items, err := st.MaterialsForDate(ctx, past)
	if err != nil || len(items) != 3 {
		t.Fatalf("materials of the past date: %d, %v; want 3", len(items), err)
	}
	for _, m := range items {
		if !m.ReleasedFor(past, loc, now) {
			t.Errorf("%s is not released two weeks after the date", m.Title)
		}
		if m.Kind == model.MaterialFile {
			data, err := st.MaterialData(ctx, m.ID)
			if err != nil || string(data) != cheatSheet || m.ContentType != "text/markdown; charset=utf-8" {
				t.Errorf("handout: %q (%s), %v", data, m.ContentType, err)
			}
		}
	}
}
