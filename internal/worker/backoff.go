package worker

import (
	"context"
	"sync"
	"time"
)

// Default back-off of CPU-heavy jobs (Backoff).
const (
	// DefaultQuiet is how long no user write must have been committed before a yielding item
	// runs: under a booking storm commits come every few milliseconds, so 200 ms without one
	// means the storm is over (or a lull), while a single admin edit delays a PDF by 200 ms only.
	DefaultQuiet = 200 * time.Millisecond
	// DefaultMaxDefer bounds how long one item waits for quiet. During a long storm each of a
	// queue's parallel slots still produces a document at least every ~2 s (a few per cent of a
	// core), so nothing waits forever and the backlog left for after the storm stays bounded by
	// the storm; when it ends, the backlog drains at full speed within DefaultQuiet.
	DefaultMaxDefer = 2 * time.Second
	// DefaultMaxLag is how long an item may have been waiting in the outbox before it stops
	// giving way. MaxDefer alone caps a slot at one item per ~2 s while users write without a
	// pause, which a long stretch of steady writes (more than ~5 commits a second for minutes)
	// would outrun: documents and mails would fall behind without bound. An item older than this
	// runs at once, so under steady writes the background lags by about this much and keeps up.
	DefaultMaxLag = 30 * time.Second
)

// Backoff makes CPU-heavy background items (rendering PDFs, composing mails) give way to
// user-facing writes: before each item of a Queue with Yield, the item waits while the store
// committed a user write in the last Quiet, at most MaxDefer. Bookings answer only after their
// commit, and on a small machine a PDF drawn meanwhile takes the core their handlers and the
// one writer need.
type Backoff struct {
	// UserWrites is a counter that moves with every committed user write (store.UserWrites).
	UserWrites func() uint64
	// Clock and Sleep measure the quiet and wait; time.Now and a timer in production, fixed and
	// advanced by hand in tests. They are not the domain clock (Settings.Now), which tests fix.
	Clock func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Quiet, MaxDefer and MaxLag: DefaultQuiet, DefaultMaxDefer and DefaultMaxLag when 0.
	Quiet, MaxDefer, MaxLag time.Duration

	mu        sync.Mutex
	seen      uint64    // UserWrites when last looked at
	changedAt time.Time // when it was first seen at that value
}

// NewBackoff is the back-off on userWrites with the default durations, measured on clock (the
// wall clock, from cmd) and waited with a timer.
func NewBackoff(userWrites func() uint64, clock func() time.Time) *Backoff {
	return &Backoff{UserWrites: userWrites, Clock: clock, Sleep: sleep}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Wait returns once no user write was committed in the last Quiet, or MaxDefer after it was
// called, or with ctx's error; at once for an item that has been in the outbox for MaxLag
// already (queued: how long). A nil Backoff never waits.
func (b *Backoff) Wait(ctx context.Context, queued time.Duration) error {
	if b == nil {
		return nil
	}
	maxLag := b.MaxLag
	if maxLag <= 0 {
		maxLag = DefaultMaxLag
	}
	if queued >= maxLag {
		return nil
	}
	// The bound counts the naps, not the clock: a clock that stands still (a fixed one passed by
	// mistake) must not make an item wait forever.
	var waited time.Duration
	for {
		d := b.delay(waited)
		if d <= 0 {
			return nil
		}
		if err := b.Sleep(ctx, d); err != nil {
			return err
		}
		waited += d
	}
}

// delay is how much longer an item that has waited waited should wait: 0 to run now.
func (b *Backoff) delay(waited time.Duration) time.Duration {
	quiet, maxDefer := b.Quiet, b.MaxDefer
	if quiet <= 0 {
		quiet = DefaultQuiet
	}
	if maxDefer <= 0 {
		maxDefer = DefaultMaxDefer
	}
	now := b.Clock()
	b.mu.Lock()
	if n := b.UserWrites(); n != b.seen {
		// The counter is only sampled, so the commit happened at most one sample ago; the
		// first look after a long idle time costs one Quiet at worst.
		b.seen, b.changedAt = n, now
	}
	since := now.Sub(b.changedAt)
	b.mu.Unlock()
	left := maxDefer - waited
	if since >= quiet || left <= 0 {
		return 0
	}
	// Look again when the quiet would be complete, but never sleep past the bound; short
	// naps keep a commit between samples from passing unseen for long.
	return min(quiet-since, left)
}

// GiveWay makes the runner's yielding queues wait for b (nil: never). The service sets it
// before Start, on the real clock; tests and commands that drain queues leave it unset, so their
// fixed clocks and quick rounds are not slowed by it.
func (r *Runner) GiveWay(b *Backoff) { r.s.Backoff = b }
