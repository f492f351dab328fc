package store_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestPostgresWriteTransactionsAreLetInByCores: on PostgreSQL at most WriteSlots write
// transactions run at once (the rest wait, none fails), and one waiting for a slot gives up
// when its context ends, without running.
func TestPostgresWriteTransactionsAreLetInByCores(t *testing.T) {
	if storetest.PostgresURL() == "" {
		t.Skip("SEMINARS_TEST_POSTGRES not set")
	}
	st := storetest.Postgres(t)
	slots := st.WriteSlots()
	if slots < 2 {
		t.Fatalf("WriteSlots = %d, want at least 2", slots)
	}
	ctx := context.Background()
	const writers = 16
	var running, most atomic.Int64
	release := make(chan struct{})
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() {
			errs[i] = st.WithTx(ctx, func(tx *store.Tx) error {
				n := running.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				<-release
				running.Add(-1)
				return nil
			})
		})
	}
	for tries := 0; running.Load() < int64(slots); tries++ {
		if tries == 6000 { // 30 s
			t.Fatalf("only %d transactions started, want %d", running.Load(), slots)
		}
		time.Sleep(5 * time.Millisecond)
	}
	// Give the waiting ones every chance to get in wrongly before looking.
	time.Sleep(100 * time.Millisecond)
	if got := most.Load(); got != int64(slots) {
		t.Errorf("%d write transactions ran at once, want %d", got, slots)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	ran := false
	if err := st.WithTx(cancelled, func(*store.Tx) error { ran = true; return nil }); !errors.Is(err, context.Canceled) || ran {
		t.Errorf("with every slot taken, a cancelled WithTx returned %v and ran: %v; want context.Canceled, not run", err, ran)
	}
	close(release)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
}

// TestSQLiteHasNoWriteSlots: SQLite's writes go through its one group writer, not the slots.
func TestSQLiteHasNoWriteSlots(t *testing.T) {
	if got := storetest.SQLite(t).WriteSlots(); got != 0 {
		t.Errorf("WriteSlots = %d on SQLite, want 0", got)
	}
}
