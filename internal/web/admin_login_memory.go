package web

import (
	"runtime/debug"
	"sync"
)

// hashMemory gives back the memory of a finished password check. Argon2id takes 19 MiB per
// check (auth's argonMemoryKiB); it is garbage once the check returns, but the GC cycle that
// ran during the check counted it as live and set the next heap goal to twice that, so the
// requests right after a sign-in grew the heap by another ~40 MB before the next cycle — the
// dashboard figure's peak (the load tool signs in, then 64 dashboards start). One forced
// collection and release after the check (debug.FreeOSMemory, ~10–20 ms on a busy two-core
// machine, on the sign-in's own request) puts the goal back to twice the real live heap. What
// other work allocates while the check still runs (a mail burst) can still reach the raised
// goal: that window is the check's own time.
// Checks that end while one give-back runs skip theirs: that one's collection covers them, or
// the next sign-in's does; a burst of sign-ins does not queue forced collections.
type hashMemory struct{ running sync.Mutex }

func (h *hashMemory) giveBack() {
	if !h.running.TryLock() {
		return
	}
	defer h.running.Unlock()
	debug.FreeOSMemory()
}
