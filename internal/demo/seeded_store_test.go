package demo

import (
	"context"
	"testing"
	"time"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// seededStore is a fresh SQLite store whose clock stands at now, with the demo seeded as of now.
func seededStore(t *testing.T, now time.Time, loc *time.Location) *store.Store {
	t.Helper()
	st := storetest.SQLiteAt(t, storetest.NewClockAt(t, now))
	if _, err := Seed(context.Background(), st, now, loc); err != nil {
		t.Fatal(err)
	}
	return st
}

// wednesdayMorning is the demo tests' ordinary day: Wednesday 13 May 2026, 08:30 in Berlin.
func wednesdayMorning(t *testing.T) (*time.Location, time.Time) {
	loc := berlin(t)
	return loc, time.Date(2026, 5, 13, 8, 30, 0, 0, loc)
}
