package store

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// GroupQueued is how many write transactions wait in the group-commit queue, so a test can hold
// the writer, queue a batch and know it is complete before letting the writer go.
func GroupQueued(s *Store) int { return len(s.group.queue) }

// DirectTx is WithTx as it was before group commit: its own transaction and commit on the
// writer connection, for the benchmark that compares the two.
func DirectTx(s *Store, ctx context.Context, fn func(tx *Tx) error) error {
	return s.write.WithContext(ctx).Transaction(func(db *gorm.DB) error {
		return fn(&Tx{Reads: Reads{db: db, now: s.now}})
	})
}

// MaxInList is how many ids one IN list binds, so a test can pass more than one part.
const MaxInList = maxInList

// CaptureQueries records the SQL of every read statement s runs from now on (queries, counts
// and scans), so a test can see that a page reads its page and not the whole history.
func CaptureQueries(s *Store) (*[]string, error) {
	var out []string
	capture := func(tx *gorm.DB) { out = append(out, tx.Statement.SQL.String()) }
	if err := s.read.Callback().Query().After("gorm:query").Register("test:capture_sql", capture); err != nil {
		return nil, err
	}
	return &out, s.read.Callback().Row().After("gorm:row").Register("test:capture_sql", capture)
}

// TakeHotSlot is Tx.takeHotSlot, the second gate, for the test of the write slots.
func TakeHotSlot(tx *Tx, ctx context.Context) error { return tx.takeHotSlot(ctx) }

// SetHotSlotPatience changes how long a transaction waits for a hot slot before it goes ahead.
func SetHotSlotPatience(s *Store, d time.Duration) { s.hotPatience = d }
