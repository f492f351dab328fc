package store

import (
	"context"
	"runtime"
	"time"
)

// PostgreSQL's write transactions pass two gates. Bookings of one date queue on the date's row;
// every transaction let in beyond the cores only competes for the CPU with the one that holds
// the row, and that one's statements then wait to be sent (docs/benchmarks.md, "PostgreSQL:
// write transactions let in by cores": 8 clients 168 -> 463 bookings/s, 64 clients 141 -> 506
// with two at once instead of all). But a slot taken at BEGIN also covers the ~5 round trips
// before the seat take (date read, booking and attendee inserts, outbox items), so with one slot
// per core the next booking only starts those when the holder commits, and the date's row sits
// idle most of the time ("PostgreSQL: outbox rows before the date's lock"). So a transaction
// takes an enter slot (two per core) at its start and a hot slot (one per core) just before the
// statement that locks the date's row (Tx.takeHotSlot): the next transactions' pre-lock work
// overlaps the locked section, and no more than the cores' number of transactions queue at
// the row itself. Both are given back at the transaction's end. Reads do not queue here; SQLite
// has its one group writer instead. Write transactions never nest (SQLite's group writer would
// deadlock on it too), so a transaction never waits for a slot it holds.
func writeConcurrency() int { return 2 * hotConcurrency() }

// hotConcurrency is how many write transactions may be past the hot gate at once: as many as
// the process has cores, at least two.
func hotConcurrency() int { return max(2, runtime.GOMAXPROCS(0)) }

// hotSlotPatience (Store.hotPatience) bounds the wait for a hot slot. A transaction waiting there may already hold
// row locks taken before it (outbox keys, vouchers) that one past the gate waits for; after this
// long it goes ahead without a slot, so such a cycle costs a delay, never a deadlock. Normally at
// most enter-hot transactions wait there for ~1 ms sections each, far below it.
const hotSlotPatience = 100 * time.Millisecond

// takeWriteSlot waits for a free enter slot, or for ctx to end.
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

// hotSlot is a transaction's turn at the hot gate: taken at most once, before its first
// statement that locks a date's row, and given back at the transaction's end.
type hotSlot struct {
	slots    chan struct{} // nil: no gate (SQLite)
	patience time.Duration // hotSlotPatience; a test shortens it
	held     bool
}

// takeHotSlot waits for a hot slot unless the transaction holds one, for at most
// its patience, or until ctx ends.
func (tx *Tx) takeHotSlot(ctx context.Context) error {
	h := tx.hot
	if h == nil || h.slots == nil || h.held {
		return nil
	}
	select {
	case h.slots <- struct{}{}:
		h.held = true
		return nil
	default:
	}
	wait := time.NewTimer(h.patience)
	defer wait.Stop()
	select {
	case h.slots <- struct{}{}:
		h.held = true
	case <-wait.C: // go ahead without one (see hotSlotPatience)
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// give frees the hot slot if the transaction took one.
func (h *hotSlot) give() {
	if h.held {
		h.held = false
		<-h.slots
	}
}

// WriteSlots is how many write transactions may run at once (0: no bound here — SQLite's group
// writer runs them one after another).
func (s *Store) WriteSlots() int { return cap(s.writeSlots) }

// HotSlots is how many of them may be at or past the statement that locks a date's row.
func (s *Store) HotSlots() int { return cap(s.hotSlots) }
