package web

import (
	"context"
	"runtime"
)

// dashboardGate bounds how many dashboards are built at once. A dashboard holds ~0.4 MB while
// it is built (its queries' rows, the charts, the page); 64 built at once over 50,000 bookings
// held ~27 MB of live heap, and the heap grows to twice its live part before the next GC. The
// work is CPU and SQLite reads, so two per core keep the cores as busy as 64 do; the others
// wait for a slot, holding nothing but their request.
type dashboardGate chan struct{}

func newDashboardGate() dashboardGate { return make(dashboardGate, 2*runtime.GOMAXPROCS(0)) }

// enter waits for a slot, or for ctx to end (the visitor left); leave gives the slot back.
func (g dashboardGate) enter(ctx context.Context) error {
	select {
	case g <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g dashboardGate) leave() { <-g }
