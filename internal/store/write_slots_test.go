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
// transactions run at once and at most HotSlots of them are past the hot gate (the statement
// that locks a date's row); the rest wait, none fails. One waiting for a slot gives up when its
// context ends, without running.
func TestPostgresWriteTransactionsAreLetInByCores(t *testing.T) {
	if storetest.PostgresURL() == "" {
		t.Skip("SEMINARS_TEST_POSTGRES not set")
	}
	st := storetest.Postgres(t)
	slots, hot := st.WriteSlots(), st.HotSlots()
	if hot < 2 || slots <= hot {
		t.Fatalf("WriteSlots = %d, HotSlots = %d; want at least 2 hot and more entering than hot", slots, hot)
	}
	// Long enough that no waiter goes ahead without a hot slot while the test looks.
	store.SetHotSlotPatience(st, time.Minute)
	ctx := context.Background()
	const writers = 16
	var running, most, pastHot, mostHot atomic.Int64
	raise := func(n int64, m *atomic.Int64) {
		for v := m.Load(); n > v && !m.CompareAndSwap(v, n); v = m.Load() {
		}
	}
	release := make(chan struct{})
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() {
			errs[i] = st.WithTx(ctx, func(tx *store.Tx) error {
				raise(running.Add(1), &most)
				defer running.Add(-1)
				if err := store.TakeHotSlot(tx, ctx); err != nil {
					return err
				}
				raise(pastHot.Add(1), &mostHot)
				defer pastHot.Add(-1)
				<-release
				return nil
			})
		})
	}
	for tries := 0; running.Load() < int64(slots) || pastHot.Load() < int64(hot); tries++ {
		if tries == 6000 { // 30 s
			t.Fatalf("only %d transactions started and %d past the hot gate, want %d and %d", running.Load(), pastHot.Load(), slots, hot)
		}
		time.Sleep(5 * time.Millisecond)
	}
	// Give the waiting ones every chance to get in wrongly before looking.
	time.Sleep(100 * time.Millisecond)
	if got := most.Load(); got != int64(slots) {
		t.Errorf("%d write transactions ran at once, want %d", got, slots)
	}
	if got := mostHot.Load(); got != int64(hot) {
		t.Errorf("%d write transactions were past the hot gate at once, want %d", got, hot)
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

// TestPostgresHotGateGivesWayAfterItsPatience: a transaction that waits longer than its
// patience for a hot slot goes ahead without one (a lock it holds may be what those past the
// gate wait for), and a cancelled one gives up.
func TestPostgresHotGateGivesWayAfterItsPatience(t *testing.T) {
	if storetest.PostgresURL() == "" {
		t.Skip("SEMINARS_TEST_POSTGRES not set")
	}
	st := storetest.Postgres(t)
	store.SetHotSlotPatience(st, 10*time.Millisecond)
	ctx := context.Background()
	hot := st.HotSlots()
	release := make(chan struct{})
	var holding sync.WaitGroup
	var wg sync.WaitGroup
	holding.Add(hot)
	for range hot {
		wg.Go(func() {
			_ = st.WithTx(ctx, func(tx *store.Tx) error {
				err := store.TakeHotSlot(tx, ctx)
				holding.Done()
				<-release
				return err
			})
		})
	}
	holding.Wait()
	tests := []struct {
		name string
		ctx  func() context.Context
		want error
	}{
		{"waits out its patience and goes ahead", func() context.Context { return ctx }, nil},
		{"cancelled gives up", func() context.Context { c, cancel := context.WithCancel(ctx); cancel(); return c }, context.Canceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.ctx()
			err := st.WithTx(ctx, func(tx *store.Tx) error { return store.TakeHotSlot(tx, c) })
			if !errors.Is(err, tc.want) && !(tc.want == nil && err == nil) {
				t.Errorf("TakeHotSlot with every hot slot taken: %v, want %v", err, tc.want)
			}
		})
	}
	close(release)
	wg.Wait()
}

// TestSQLiteHasNoWriteSlots: SQLite's writes go through its one group writer, not the slots.
func TestSQLiteHasNoWriteSlots(t *testing.T) {
	if got := storetest.SQLite(t).WriteSlots(); got != 0 {
		t.Errorf("WriteSlots = %d on SQLite, want 0", got)
	}
}
