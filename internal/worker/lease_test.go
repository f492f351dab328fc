package worker_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/worker"
)

// TestSlowBatchLeavesExpiredLeases: when working a batch takes longer than its lease (a slow
// SMTP server, one connection), the items whose lease ran out meanwhile are left for the round
// or instance that may have claimed them since: nobody carries them out twice. They stay
// pending and due, untried.
func TestSlowBatchLeavesExpiredLeases(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	var mu sync.Mutex
	clock := t0
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	jobs := worker.New(st, worker.Settings{Now: now})
	items := enqueue(t, st, testTopic, `{}`, 3)
	var handled []uint
	handle := func(ctx context.Context, item model.OutboxItem, at time.Time) error {
		handled = append(handled, item.ID)
		mu.Lock()
		clock = clock.Add(time.Hour) // this one item took longer than any lease
		mu.Unlock()
		return doneHandler(st)(ctx, item, at)
	}
	if _, err := jobs.Drain(ctx, worker.Queue{Topic: testTopic, Batch: 10, Handle: handle}, t0); err != nil {
		t.Fatal(err)
	}
	if len(handled) != 1 || handled[0] != items[0].ID {
		t.Fatalf("handled %v; want only the first item, before the leases ran out", handled)
	}
	for _, it := range items[1:] {
		if got := reload(t, st, it.ID); got.Status != model.OutboxPending || got.Attempts != 0 {
			t.Errorf("item %d: %s after %d attempts; want pending, untried", it.ID, got.Status, got.Attempts)
		}
	}
}

// TestPanickingFailureHookIsAnError: a panic while recording a failure (the queue's Failed
// hook, raised again by WithTx in the worker's goroutine) comes back as the round's error
// instead of taking the process down.
func TestPanickingFailureHookIsAnError(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	jobs := worker.New(st, worker.Settings{})
	enqueue(t, st, testTopic, `{}`, 2)
	q := worker.Queue{Topic: testTopic, Batch: 10, Parallel: 2,
		Handle: func(context.Context, model.OutboxItem, time.Time) error { return errors.New("stripe unavailable") },
		Failed: func(context.Context, *store.Tx, worker.Failure) error { panic("hook broke") }}
	if _, err := jobs.Drain(ctx, q, t0); !errors.Is(err, worker.ErrPanic) {
		t.Fatalf("err = %v; want one wrapping ErrPanic", err)
	}
}
