package worker

import (
	"context"
	"testing"
	"time"
)

// fakeWrites is a user-write counter and a clock the test moves by hand: commits happen at the
// times listed in at (offsets from t0), and the clock advances only by Sleep.
type fakeWrites struct {
	t0    time.Time
	now   time.Time
	at    []time.Duration // commit times, ascending
	slept []time.Duration
}

func (f *fakeWrites) count() uint64 {
	n := uint64(0)
	for _, d := range f.at {
		if !f.t0.Add(d).After(f.now) {
			n++
		}
	}
	return n
}

func (f *fakeWrites) backoff() *Backoff {
	return &Backoff{
		UserWrites: f.count,
		Clock:      func() time.Time { return f.now },
		Sleep: func(_ context.Context, d time.Duration) error {
			f.slept = append(f.slept, d)
			f.now = f.now.Add(d)
			return nil
		},
		Quiet:    200 * time.Millisecond,
		MaxDefer: 2 * time.Second,
	}
}

func TestBackoffWaitsForQuietAtMostMaxDefer(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	every := func(step, until time.Duration) []time.Duration {
		var at []time.Duration
		for d := time.Duration(0); d <= until; d += step {
			at = append(at, d)
		}
		return at
	}
	for _, tc := range []struct {
		name string
		at   []time.Duration // user commits, from t0
		// start is when the item starts waiting, after the backoff first looked at t0
		start time.Duration
		want  time.Duration // how long it waits
	}{
		{name: "no user writes: runs at once", start: time.Second, want: 0},
		{name: "last commit long ago: runs at once", at: []time.Duration{0}, start: time.Second, want: 0},
		{name: "a commit just now: waits out the quiet", at: []time.Duration{time.Second}, start: time.Second, want: 200 * time.Millisecond},
		{name: "storm ends at 1.5 s: runs once quiet after it", at: every(10*time.Millisecond, 1500*time.Millisecond), start: time.Second, want: 800 * time.Millisecond},
		{name: "storm longer than the bound: runs after MaxDefer", at: every(10*time.Millisecond, time.Minute), start: time.Second, want: 2 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeWrites{t0: t0, now: t0, at: tc.at}
			b := f.backoff()
			b.delay(0) // the backoff has been watching since t0
			f.now = t0.Add(tc.start)
			if err := b.Wait(context.Background(), 0); err != nil {
				t.Fatal(err)
			}
			if got := f.now.Sub(t0.Add(tc.start)); got != tc.want {
				t.Errorf("waited %v (naps %v), want %v", got, f.slept, tc.want)
			}
		})
	}
}

func TestBackoffOnAStoppedClockStillEnds(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	n := uint64(0)
	var slept time.Duration
	b := &Backoff{UserWrites: func() uint64 { n++; return n }, Clock: func() time.Time { return t0 },
		Sleep: func(_ context.Context, d time.Duration) error { slept += d; return nil }}
	if err := b.Wait(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	if slept != DefaultMaxDefer {
		t.Errorf("slept %v, want DefaultMaxDefer %v", slept, DefaultMaxDefer)
	}
}

func TestNilBackoffNeverWaits(t *testing.T) {
	var b *Backoff
	if err := b.Wait(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
}

func TestBackoffStopsWithItsContext(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	f := &fakeWrites{t0: t0, now: t0, at: []time.Duration{0}}
	b := f.backoff()
	ctx, cancel := context.WithCancel(context.Background())
	b.Sleep = func(context.Context, time.Duration) error { cancel(); return ctx.Err() }
	if err := b.Wait(ctx, 0); err != context.Canceled {
		t.Fatalf("Wait = %v, want context.Canceled", err)
	}
}

// An item that has been in the outbox for MaxLag does not give way, however busy the users are:
// under steady writes the background lags by MaxLag and keeps up instead of falling behind.
func TestBackoffLetsALaggingItemRunAtOnce(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var at []time.Duration
	for d := time.Duration(0); d <= time.Minute; d += 10 * time.Millisecond {
		at = append(at, d)
	}
	for _, tc := range []struct {
		name   string
		queued time.Duration
		want   time.Duration
	}{
		{name: "new item waits its MaxDefer", queued: 0, want: 2 * time.Second},
		{name: "item just under MaxLag still waits", queued: 30*time.Second - time.Millisecond, want: 2 * time.Second},
		{name: "item at MaxLag runs at once", queued: 30 * time.Second, want: 0},
		{name: "old item runs at once", queued: 10 * time.Minute, want: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeWrites{t0: t0, now: t0.Add(time.Second), at: at}
			b := f.backoff()
			b.MaxLag = 30 * time.Second
			start := f.now
			if err := b.Wait(context.Background(), tc.queued); err != nil {
				t.Fatal(err)
			}
			if got := f.now.Sub(start); got != tc.want {
				t.Fatalf("waited %s, want %s", got, tc.want)
			}
		})
	}
}
