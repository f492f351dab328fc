package web

import (
	"context"
	"errors"
	"runtime"
	"testing"
)

// TestDashboardGate: two dashboards per core are built at once; the next one waits, and gives
// up when its visitor leaves; a slot given back lets the next one in.
func TestDashboardGate(t *testing.T) {
	g := newDashboardGate()
	if cap(g) != 2*runtime.GOMAXPROCS(0) {
		t.Fatalf("slots = %d, want two per core (%d)", cap(g), 2*runtime.GOMAXPROCS(0))
	}
	for i := range cap(g) {
		if err := g.enter(t.Context()); err != nil {
			t.Fatalf("enter %d: %v", i, err)
		}
	}
	gone, cancel := context.WithCancel(t.Context())
	cancel()
	if err := g.enter(gone); !errors.Is(err, context.Canceled) {
		t.Fatalf("enter with every slot taken and the visitor gone = %v, want context.Canceled", err)
	}
	g.leave()
	if err := g.enter(t.Context()); err != nil || len(g) != cap(g) {
		t.Fatalf("enter after a slot came back = %v, %d of %d slots taken", err, len(g), cap(g))
	}
}
