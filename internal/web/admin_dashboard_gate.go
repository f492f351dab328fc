package web

import (
	"runtime"

	"golang.org/x/sync/semaphore"
)

// newDashboardGate bounds how many dashboards are built at once. A dashboard holds ~0.4 MB while
// it is built (its queries' rows, the charts, the page); 64 built at once over 50,000 bookings
// held 13–15 MB of live heap (9–10 MB at two per core), and the heap grows to twice its live
// part before the next GC. Two per core keep both cores busy: on the shared two-core machine
// the figure's rate at two per core (23–24/s) and at four (17/s) lay inside main's spread at 64
// at once (18–45/s). The others wait for a slot (or for their visitor to leave), holding
// nothing but their request.
func newDashboardGate() *semaphore.Weighted {
	return semaphore.NewWeighted(int64(2 * runtime.GOMAXPROCS(0)))
}
