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
