package demo

import (
	"testing"

	"seminars/internal/store/storetest"
)

// TestDemoShowsTheRunDecision: the demo catalogue has a date guaranteed to run (confirmed by the
// trainer) and one below its minimum.
func TestDemoShowsTheRunDecision(t *testing.T) {
	guaranteed, below := 0, 0
	for _, s := range Catalogue(storetest.ReferenceTime, storetest.Berlin()) {
		for _, d := range s.Dates {
			switch {
			case d.Guaranteed():
				guaranteed++
			case d.MinParticipants > 0:
				below++
			}
		}
	}
	if guaranteed == 0 || below == 0 {
		t.Fatalf("%d guaranteed dates and %d below their minimum, want at least one of each", guaranteed, below)
	}
}
