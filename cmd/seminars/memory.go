package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The Go runtime hands freed heap back to the OS slowly (its scavenger keeps about the heap
// goal, twice the live heap, mapped), so after a burst — the demo's documents rendered after
// the first start, a booking's PDFs, a page rendered for the first time — an idle server kept
// ~7 MiB of garbage and free spans for minutes (docs/benchmarks.md, "Idle memory (session
// 23)"). releaseWhenQuiet looks once a second at how much the process has allocated
// (runtime/metrics, no stop-the-world) and, when a second passes with next to no allocation
// after at least busyBytes since the last release, runs one forced GC and returns the free
// memory (debug.FreeOSMemory). Under steady load it never fires (every second allocates); at
// idle it runs at most once per busyBytes allocated — a forced GC of a few milliseconds on a
// heap of ~5 MB, after a second in which the server did next to nothing.
const (
	quietTick  = time.Second
	quietBytes = 256 << 10 // allocated in one tick: quiet
	busyBytes  = 1 << 20   // allocated since the last release: worth releasing
)

// quietRelease decides, from the bytes allocated so far at each tick, when to release.
type quietRelease struct {
	lastTick, lastRelease uint64
}

// observe takes the cumulative bytes allocated at a tick and says whether to release now.
func (q *quietRelease) observe(allocated uint64) bool {
	quiet := allocated-q.lastTick < quietBytes
	q.lastTick = allocated
	if quiet && allocated-q.lastRelease >= busyBytes {
		q.lastRelease = allocated
		return true
	}
	return false
}

// releaseWhenQuiet runs until ctx ends; start it after start-up's own release.
func releaseWhenQuiet(ctx context.Context) {
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	// Start-up counts as a burst: serve's own release runs before the jobs start, and what the
	// start's last work leaves (the demo's documents, the owner's password hash: 19 MiB for
	// argon2, sometimes still live at that release) is garbage the GC may not look at again for
	// a long time at an idle server's allocation rate. So the first quiet second releases too.
	q := quietRelease{lastTick: read()}
	tick := time.NewTicker(quietTick)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if q.observe(read()) {
				debug.FreeOSMemory()
				// The forced GC allocates a little itself; start counting after it.
				now := read()
				q.lastTick, q.lastRelease = now, now
			}
		}
	}
}
