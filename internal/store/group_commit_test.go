package store_test

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// heldWriter occupies SQLite's group-commit writer with one transaction that waits until
// release is called, so the transactions queued meanwhile form the next batch together.
type heldWriter struct {
	release func()
	done    chan error
}

func holdWriter(t *testing.T, st *store.Store) *heldWriter {
	t.Helper()
	running, gate := make(chan struct{}), make(chan struct{})
	h := &heldWriter{done: make(chan error, 1)}
	var once sync.Once
	h.release = func() { once.Do(func() { close(gate) }) }
	t.Cleanup(h.release)
	go func() {
		h.done <- tryTx(st, context.Background(), func(*store.Tx) error {
			close(running)
			<-gate
			return nil
		})
	}()
	<-running
	return h
}

// tryTx is st.WithTx with a panic of fn, raised again by WithTx, returned as its error.
func tryTx(st *store.Store, ctx context.Context, fn func(*store.Tx) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			p, ok := r.(*store.PanicError)
			if !ok {
				panic(r)
			}
			err = p
		}
	}()
	return st.WithTx(ctx, fn)
}

// waitQueued returns once n transactions wait behind the held writer.
func waitQueued(st *store.Store, n int) {
	for store.GroupQueued(st) < n {
		runtime.Gosched()
	}
}

func seatsTaken(t *testing.T, st *store.Store, dateID uint) int {
	t.Helper()
	d, err := st.DateByID(context.Background(), dateID)
	if err != nil {
		t.Fatal(err)
	}
	return d.SeatsTaken
}

// TestGroupTxMemberFailureKeepsTheOthers queues three transactions into one batch, the middle
// one failing after it wrote: the two others commit, the failing one's seat is given back, and
// its caller gets its own error.
func TestGroupTxMemberFailureKeepsTheOthers(t *testing.T) {
	ctx := context.Background()
	errRefused := errors.New("refused after writing")
	cases := []struct {
		name    string
		capture func(ctx context.Context, cancel context.CancelFunc, tx *store.Tx, dateID uint) error
		want    func(err error) bool
	}{
		{"sold out", func(ctx context.Context, _ context.CancelFunc, tx *store.Tx, dateID uint) error {
			return tx.TakeSeats(ctx, dateID, 100)
		}, func(err error) bool { var s *model.SoldOutError; return errors.As(err, &s) }},
		{"error after writing", func(ctx context.Context, _ context.CancelFunc, tx *store.Tx, dateID uint) error {
			if err := tx.TakeSeats(ctx, dateID, 1); err != nil {
				return err
			}
			return errRefused
		}, func(err error) bool { return errors.Is(err, errRefused) }},
		{"panic after writing", func(ctx context.Context, _ context.CancelFunc, tx *store.Tx, dateID uint) error {
			if err := tx.TakeSeats(ctx, dateID, 1); err != nil {
				return err
			}
			panic("boom")
		}, func(err error) bool { var p *store.PanicError; return errors.As(err, &p) && p.Value == "boom" }},
		{"caller gives up while its transaction runs", func(ctx context.Context, cancel context.CancelFunc, tx *store.Tx, dateID uint) error {
			cancel()
			return tx.TakeSeats(ctx, dateID, 1) // still succeeds: the batch's statements ignore the caller's context
		}, func(err error) bool { return errors.Is(err, context.Canceled) }},
		{"unknown date", func(ctx context.Context, _ context.CancelFunc, tx *store.Tx, _ uint) error {
			return tx.TakeSeats(ctx, 987654, 1)
		}, func(err error) bool { return errors.Is(err, model.ErrNotFound) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := storetest.SQLite(t)
			d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
			held := holdWriter(t, st)
			errs := make([]error, 3)
			var wg sync.WaitGroup
			for i := range errs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					mctx, cancel := context.WithCancel(ctx)
					defer cancel()
					errs[i] = tryTx(st, mctx, func(tx *store.Tx) error {
						if i == 1 {
							return c.capture(mctx, cancel, tx, d.ID)
						}
						return tx.TakeSeats(mctx, d.ID, 1)
					})
				}()
				waitQueued(st, i+1) // queue order is member order
			}
			before := st.GroupStats()
			held.release()
			wg.Wait()
			if err := <-held.done; err != nil {
				t.Fatal(err)
			}
			if errs[0] != nil || errs[2] != nil {
				t.Fatalf("the others failed with the refused one: %v, %v", errs[0], errs[2])
			}
			if !c.want(errs[1]) {
				t.Fatalf("refused member got %v", errs[1])
			}
			if got := seatsTaken(t, st, d.ID); got != 2 {
				t.Fatalf("seats taken %d, want 2 (the refused member's writes undone)", got)
			}
			after := st.GroupStats()
			if after.Batches-before.Batches != 1 || after.Members-before.Members != 3 {
				t.Fatalf("ran as %d batches of %d members, want one batch of 3", after.Batches-before.Batches, after.Members-before.Members)
			}
			// The writer goroutine survived whatever the member did.
			if err := tryTx(st, ctx, func(tx *store.Tx) error { return tx.TakeSeats(ctx, d.ID, 1) }); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestGroupTxCallerGivesUpWhileQueued: a caller whose context ends while its transaction waits
// behind a busy writer returns at once, and its fn never runs.
func TestGroupTxCallerGivesUpWhileQueued(t *testing.T) {
	st := storetest.SQLite(t)
	d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
	held := holdWriter(t, st)
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Bool
	result := make(chan error, 1)
	go func() {
		result <- tryTx(st, ctx, func(tx *store.Tx) error {
			ran.Store(true)
			return tx.TakeSeats(ctx, d.ID, 1)
		})
	}()
	waitQueued(st, 1)
	cancel()
	if err := <-result; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled before the writer is free", err)
	}
	held.release()
	if err := <-held.done; err != nil {
		t.Fatal(err)
	}
	// One more transaction through the writer: the abandoned one has been passed by now.
	if err := tryTx(st, context.Background(), func(*store.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if ran.Load() || seatsTaken(t, st, d.ID) != 0 {
		t.Fatal("the abandoned transaction ran")
	}
	if err := tryTx(st, ctx, func(*store.Tx) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("an already cancelled caller got %v", err)
	}
}

// TestGroupTxCloseDrains: Close lets every queued transaction commit, and refuses new ones.
func TestGroupTxCloseDrains(t *testing.T) {
	st := storetest.SQLite(t)
	d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
	held := holdWriter(t, st)
	const queued = 5
	errs := make(chan error, queued)
	for i := 0; i < queued; i++ {
		go func() {
			errs <- tryTx(st, context.Background(), func(tx *store.Tx) error {
				return tx.TakeSeats(context.Background(), d.ID, 1)
			})
		}()
	}
	waitQueued(st, queued)
	closed := make(chan error, 1)
	go func() { closed <- st.Close() }()
	held.release()
	for i := 0; i < queued; i++ {
		if err := <-errs; err != nil {
			t.Fatalf("a transaction queued before Close failed: %v", err)
		}
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if err := tryTx(st, context.Background(), func(*store.Tx) error { return nil }); !errors.Is(err, store.ErrClosed) {
		t.Fatalf("after Close: %v, want ErrClosed", err)
	}
}

// TestGroupTxNeverOversells: 300 one-seat transactions at once on a date with 100 seats, all
// on the same writer connection: exactly 100 get a seat, the rest are sold out,
// on SQLite (batched) and PostgreSQL (plain transactions).
func TestGroupTxNeverOversells(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 100})
		var ok, soldOut atomic.Int32
		var wg sync.WaitGroup
		errs := make(chan error, 300)
		for i := 0; i < 300; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.TakeSeats(ctx, d.ID, 1) })
				var s *model.SoldOutError
				switch {
				case err == nil:
					ok.Add(1)
				case errors.As(err, &s):
					soldOut.Add(1)
				default:
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if ok.Load() != 100 || soldOut.Load() != 200 || seatsTaken(t, st, d.ID) != 100 {
			t.Fatalf("%d booked, %d sold out, %d seats taken; want 100, 200, 100", ok.Load(), soldOut.Load(), seatsTaken(t, st, d.ID))
		}
	})
}

// TestWithTxJoinsTheBatch: on SQLite transactions queued together share one batch; a member's
// panic comes back to its own caller as a panic and undoes only its own writes.
func TestWithTxJoinsTheBatch(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
	held := holdWriter(t, st)
	take := func(tx *store.Tx) error { return tx.TakeSeats(ctx, d.ID, 1) }
	results := make([]any, 3)
	var wg sync.WaitGroup
	calls := []func(){
		func() { results[0] = st.WithTx(ctx, take) },
		func() {
			defer func() { results[1] = recover() }()
			_ = st.WithTx(ctx, func(tx *store.Tx) error { _ = take(tx); panic("boom") })
		},
		func() { results[2] = st.WithTx(ctx, take) },
	}
	for i, call := range calls {
		wg.Add(1)
		go func() { defer wg.Done(); call() }()
		waitQueued(st, i+1)
	}
	held.release()
	wg.Wait()
	if results[0] != nil || results[2] != nil { // a nil error stored in an any is a nil any
		t.Fatalf("the others failed: %v, %v", results[0], results[2])
	}
	if p, ok := results[1].(*store.PanicError); !ok || p.Value != "boom" {
		t.Fatalf("WithTx caller recovered %#v, want a *PanicError of boom", results[1])
	}
	if got := seatsTaken(t, st, d.ID); got != 2 {
		t.Fatalf("seats taken %d, want 2", got)
	}
}
