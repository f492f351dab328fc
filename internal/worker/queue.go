package worker

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// lease is how long a claimed item is left alone by other rounds and instances; an item whose
// worker died mid-way is tried again once it ran out.
const lease = 5 * time.Minute

// Handler carries out one claimed outbox item at now. On success it marks the item done
// (store.Tx.MarkOutboxDone), in the same transaction as the effect it records; on failure it
// returns the error and the Runner records it.
type Handler func(ctx context.Context, item model.OutboxItem, now time.Time) error

// Failure is what a Queue's Failed hook learns about a failed attempt.
type Failure struct {
	Item     model.OutboxItem // as it was before this attempt
	Err      error
	Attempts int  // attempts so far, this one included
	Parked   bool // the item was set aside as failed
	// LimitReached is true on the attempt that reached MaxAttempts, whether the item was
	// parked (permanent) or goes on being retried (transient).
	LimitReached bool
}

// Queue is the outbox items of one topic (or topic prefix, like "stripe.") and how to carry
// them out.
type Queue struct {
	Topic  model.Topic
	Batch  int // items claimed at once; how soon the next batch follows is the job's affair
	Handle Handler
	// Parallel is how many items of a batch are worked at once (the mail worker's SMTP
	// connections); 0 or 1 works them one after another, in order.
	Parallel int
	// Failed, if set, runs in the transaction that records a failure (e.g. to flag a booking
	// whose refund keeps failing).
	Failed func(ctx context.Context, tx *store.Tx, f Failure) error
	// Yield marks a CPU-heavy queue (PDFs, mail composing): each item first waits for the
	// runner's Backoff, so user-facing writes in progress get the cores first.
	Yield bool
}

// Drain works one round of q at now: up to q.Batch due items are claimed in one statement (no
// other round, goroutine or instance gets them while the lease lasts), each is handled with its
// panic recovered, and its failure recorded. It returns how many items it took; an error means
// the database could not be read or an outcome could not be recorded. Claimed items the round
// did not get to (it was cut short) are given back at once.
func (r *Runner) Drain(ctx context.Context, q Queue, now time.Time) (taken int, err error) {
	ctx = store.Background(ctx) // also when called outside Run (a command, a test)
	now = now.UTC()
	var items []model.OutboxItem
	err = r.st.WithTx(ctx, func(tx *store.Tx) (err error) {
		items, err = tx.ClaimDueOutboxItems(ctx, q.Topic, now, q.Batch, lease)
		return err
	})
	if err != nil {
		return 0, err
	}
	left, err := r.workAll(ctx, q, items, now)
	if len(left) > 0 {
		r.release(ctx, left, now)
	}
	return len(items), err
}

// workAll works items with up to q.Parallel at once. After the first error (the database
// failed, or ctx ended) it starts no further item and returns the ones it did not start.
func (r *Runner) workAll(ctx context.Context, q Queue, items []model.OutboxItem, now time.Time) (left []model.OutboxItem, err error) {
	parallel := min(max(q.Parallel, 1), len(items))
	started := r.s.Now() // the leases were taken at now; the round's clock stands still, the real one does not
	var (
		mu     sync.Mutex
		errs   []error
		next   int
		wg     sync.WaitGroup
		failed bool
	)
	take := func() (model.OutboxItem, bool) {
		mu.Lock()
		defer mu.Unlock()
		for !failed && next < len(items) && ctx.Err() == nil {
			next++
			// A batch worked slowly (a blackholed SMTP server, one connection) can outlast the
			// lease of its last items: another round or instance may have claimed them since,
			// so this one leaves them alone rather than carry them out twice. They are due.
			if now.Add(r.s.Now().Sub(started)).Before(items[next-1].NextAttemptAt) {
				return items[next-1], true
			}
		}
		return model.OutboxItem{}, false
	}
	// wait gives way to user writes before a yielding queue's next item; an error (ctx ended)
	// stops this slot like a failed item does.
	wait := func() bool {
		if !q.Yield {
			return true // take decides
		}
		mu.Lock()
		left := !failed && next < len(items)
		var queued time.Duration
		if left {
			queued = now.Add(r.s.Now().Sub(started)).Sub(items[next].CreatedAt)
		}
		mu.Unlock()
		if !left {
			return false // nothing to wait for
		}
		if err := r.s.Backoff.Wait(ctx, queued); err != nil {
			mu.Lock()
			errs, failed = append(errs, err), true
			mu.Unlock()
			return false
		}
		return true
	}
	for range parallel {
		wg.Go(func() {
			// handle recovers a handler's panic; one while recording the outcome (a Failed
			// hook, raised again by WithTx) must not take the process down from this goroutine.
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					errs, failed = append(errs, fmt.Errorf("%w: recording an outcome: %v", ErrPanic, p)), true
					mu.Unlock()
				}
			}()
			for wait() {
				item, ok := take()
				if !ok {
					return
				}
				if err := r.work(ctx, q, item, now); err != nil {
					mu.Lock()
					errs, failed = append(errs, err), true
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if next < len(items) && len(errs) == 0 {
		errs = append(errs, ctx.Err())
	}
	return items[next:], errors.Join(errs...)
}

// release gives unworked claimed items back, on a context of its own: the round's may be the
// one that ended. A failure only logs — the lease brings the items back anyway.
func (r *Runner) release(ctx context.Context, items []model.OutboxItem, now time.Time) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := r.st.WithTx(ctx, func(tx *store.Tx) error { return tx.ReleaseOutboxItems(ctx, items, now) }); err != nil {
		r.s.Log.WarnContext(ctx, "claimed items not given back; they are due again after their lease", "count", len(items), "error", err.Error())
	}
}

// work handles one claimed item and records the outcome.
func (r *Runner) work(ctx context.Context, q Queue, item model.OutboxItem, now time.Time) error {
	err := r.handle(ctx, q.Handle, item, now)
	if err == nil {
		r.s.Metrics.processed(string(item.Topic))
		return nil
	}
	if ctx.Err() != nil {
		// Shutting down: the attempt did not fail, it was cut short. The lease brings the
		// item back at the next start.
		return ctx.Err()
	}
	return r.fail(ctx, q, item, err, now)
}

// handle runs h and turns a panic into an error wrapping ErrPanic.
func (r *Runner) handle(ctx context.Context, h Handler, item model.OutboxItem, now time.Time) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.s.Log.ErrorContext(ctx, "background item panicked", "topic", item.Topic, "id", item.ID, "key", item.Key,
				"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			err = fmt.Errorf("%w: %v", ErrPanic, p)
		}
	}()
	return h(ctx, item, now)
}

// fail records a failed attempt: parked after MaxAttempts panics or permanent errors (and the
// owners told), otherwise due again after model.OutboxBackoff.
func (r *Runner) fail(ctx context.Context, q Queue, item model.OutboxItem, cause error, now time.Time) error {
	f := Failure{Item: item, Err: cause, Attempts: item.Attempts + 1}
	f.LimitReached = f.Attempts == r.s.MaxAttempts
	f.Parked = IsPermanent(cause) && f.Attempts >= r.s.MaxAttempts
	err := r.st.WithTx(ctx, func(tx *store.Tx) error {
		if !f.Parked {
			if err := tx.MarkOutboxRetry(ctx, item, cause, now); err != nil {
				return err
			}
		} else if err := park(ctx, tx, item, cause, now); err != nil {
			return err
		}
		if q.Failed != nil {
			return q.Failed(ctx, tx, f)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record failure of outbox item %d: %w", item.ID, err)
	}
	r.s.Metrics.failed(string(item.Topic))
	attrs := []any{"topic", item.Topic, "id", item.ID, "key", item.Key, "attempt", f.Attempts,
		"permanent", IsPermanent(cause), "parked", f.Parked, "error", cause.Error()}
	if f.Parked {
		r.s.Metrics.parked(string(item.Topic))
		r.s.Log.ErrorContext(ctx, "background item parked", attrs...)
		return nil
	}
	r.s.Log.WarnContext(ctx, "background item failed", attrs...)
	return nil
}
