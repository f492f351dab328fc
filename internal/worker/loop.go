package worker

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"seminars/internal/store"
)

// maxRoundDelay caps the wait after failed rounds.
const maxRoundDelay = 5 * time.Minute

// Round is one pass of a job at now. more says there is more work right away (a full batch),
// so the next round starts without waiting.
type Round func(ctx context.Context, now time.Time) (more bool, err error)

// Job is a background job: a round run every Every, named for logs and metrics.
type Job struct {
	Name  string
	Every time.Duration
	Round Round
}

// Every is a job that calls fn every interval; fn reports how much it did, for the log.
func Every(name string, interval time.Duration, fn func(ctx context.Context, now time.Time) (int, error)) Job {
	return Job{Name: name, Every: interval, Round: func(ctx context.Context, now time.Time) (bool, error) {
		_, err := fn(ctx, now)
		return false, err
	}}
}

// QueueJob is the job that drains q every interval, and at once while batches come back full.
func (r *Runner) QueueJob(q Queue, interval time.Duration) Job {
	return Job{Name: string(q.Topic), Every: interval, Round: func(ctx context.Context, now time.Time) (bool, error) {
		n, err := r.Drain(ctx, q, now)
		return n == q.Batch && q.Batch > 0, err
	}}
}

// Run runs job until ctx ends. A round that fails or panics is logged and counted, and the next
// one waits twice as long as the last (Every doubled per failure, at most maxRoundDelay); a round
// that works resets the wait.
func (r *Runner) Run(ctx context.Context, job Job) {
	ctx = store.Background(ctx) // the job's commits are not users' (Backoff)
	failures := 0
	for ctx.Err() == nil {
		more, err := r.round(ctx, job)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			failures++
			r.s.Metrics.failed(job.Name)
			r.s.Log.ErrorContext(ctx, "background job round failed", "job", job.Name, "failures", failures, "error", err.Error())
		case more:
			failures = 0
			continue
		default:
			failures = 0
		}
		wait := time.NewTimer(RoundDelay(job.Every, failures))
		select {
		case <-ctx.Done():
			wait.Stop()
			return
		case <-wait.C:
		}
	}
}

// round runs one round of job with its panic recovered.
func (r *Runner) round(ctx context.Context, job Job) (more bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			r.s.Log.ErrorContext(ctx, "background job panicked", "job", job.Name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			more, err = false, fmt.Errorf("%w: %v", ErrPanic, p)
		}
	}()
	return job.Round(ctx, r.s.Now())
}

// RoundDelay is the wait before the next round after failures failed rounds in a row: every,
// doubled per failure, capped at maxRoundDelay (but never below every).
func RoundDelay(every time.Duration, failures int) time.Duration {
	every = max(every, time.Millisecond) // a zero interval would spin
	wait := every
	for i := 0; i < failures && wait < maxRoundDelay; i++ {
		wait *= 2
	}
	return max(min(wait, maxRoundDelay), every)
}

// Start runs each job in its own goroutine until ctx ends. stop ends them and waits for the
// rounds in progress, so the database can be closed after it.
func (r *Runner) Start(ctx context.Context, jobs ...Job) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Go(func() { r.Run(ctx, job) })
	}
	return func() { cancel(); wg.Wait() }
}
