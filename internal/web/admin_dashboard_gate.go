package web

import (
	"context"
	"runtime"
)

// dashboardGate bounds how many dashboards are built at once. A dashboard holds ~0.4 MB while
// it is built (its queries' rows, the charts, the page); 64 built at once over 50,000 bookings
// held ~13–27 MB of live heap, and the heap grows to twice its live part before the next GC.
// The work is Go and SQLite's C code, which runs on threads of its own beside GOMAXPROCS; two
// per core cost the figure about half its rate against 64 at once on the shared two-core
// machine (23–24/s against 26–45/s), so four per core are let in (eight on two cores, as many
// as SQLite's read connections). The others wait for a slot, holding nothing but their request.
type dashboardGate chan struct{}

func newDashboardGate() dashboardGate { return make(dashboardGate, 4*runtime.GOMAXPROCS(0)) }

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
