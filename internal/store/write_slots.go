package store

import (
	"context"
	"runtime"
)

// writeConcurrency is how many write transactions run at once on PostgreSQL: as many as the
// process has cores, at least two. Bookings of one date queue on the date's row; every
// transaction let in beyond the cores only competes for the CPU with the one that holds the row,
// and that one's statements then wait to be sent. Measured with the load tool on two cores
// (docs/benchmarks.md, "PostgreSQL: write transactions let in by cores"): 8 clients 168 -> 463
// bookings/s, 64 clients 141 -> 506 when two run at once instead of all of them. Reads do not
// queue here; SQLite has its one group writer instead. Write transactions never nest (SQLite's
// group writer would deadlock on it too), so a transaction never waits for a slot it holds.
func writeConcurrency() int { return max(2, runtime.GOMAXPROCS(0)) }

// takeWriteSlot waits for a free write slot, or for ctx to end.
func (s *Store) takeWriteSlot(ctx context.Context) error {
	if s.writeSlots == nil {
		return nil
	}
	select {
	case s.writeSlots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// giveWriteSlot frees the slot taken by takeWriteSlot.
func (s *Store) giveWriteSlot() {
	if s.writeSlots != nil {
		<-s.writeSlots
	}
}

// WriteSlots is how many write transactions may run at once (0: no bound here — SQLite's group
// writer runs them one after another).
func (s *Store) WriteSlots() int { return cap(s.writeSlots) }
