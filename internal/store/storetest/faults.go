package storetest

import (
	"errors"
	"sync"
	"testing"
	"time"

	"seminars/internal/store"
)

// ErrInjected is the error of an insert that Faults broke on purpose.
var ErrInjected = errors.New("storetest: insert failed on purpose")

// Faults breaks inserts into chosen tables on purpose, for tests that prove a use case's writes
// commit together or not at all: open the store with f.Option(), break the audit or the outbox
// table, run the use case, and find its change rolled back. Inserts pass until a table is
// broken, so fixtures can be seeded first.
type Faults struct {
	mu     sync.Mutex
	passes map[string]int // table → inserts still allowed before each one fails
}

// Option is the store option that routes the store's inserts through f.
func (f *Faults) Option() store.Option { return store.WithInsertFault(f.check) }

// FailInserts makes every insert into table fail with ErrInjected.
func (f *Faults) FailInserts(table string) { f.FailInsertsAfter(table, 0) }

// FailInsertsAfter lets n more inserts into table pass, then fails every one after them: the
// failure lands in the middle of a use case that inserts several rows (the credit notes of a
// date cancel).
func (f *Faults) FailInsertsAfter(table string, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.passes == nil {
		f.passes = map[string]int{}
	}
	f.passes[table] = n
}

// Heal lets every insert pass again.
func (f *Faults) Heal() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.passes = nil
}

func (f *Faults) check(table string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	n, broken := f.passes[table]
	if !broken {
		return nil
	}
	if n > 0 {
		f.passes[table] = n - 1
		return nil
	}
	return ErrInjected
}

// EachWithFaults runs fn as a subtest once per database, on a store whose inserts faults can
// break and whose clock clk stands at start.
func EachWithFaults(t *testing.T, start time.Time, fn func(t *testing.T, st *store.Store, clk *Clock, faults *Faults)) {
	for _, db := range Databases {
		t.Run(db.Name, func(t *testing.T) {
			clk, faults := NewClockAt(t, start), &Faults{}
			fn(t, db.OpenWith(t, clk.Option(), faults.Option()), clk, faults)
		})
	}
}
