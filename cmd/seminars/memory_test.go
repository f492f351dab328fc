package main

import "testing"

func TestQuietReleaseFiresOnceWhenABurstEnds(t *testing.T) {
	q := quietRelease{}
	steps := []struct {
		allocated uint64
		want      bool
	}{
		{100 << 10, false},            // quiet, but nothing to release
		{3 << 20, false},              // busy
		{10 << 20, false},             // busy
		{10<<20 + 1<<10, true},        // quiet after 10 MiB: release
		{10<<20 + 2<<10, false},       // still quiet, released already
		{10<<20 + 512<<10, false},     // a small burst (512 KiB)
		{10<<20 + 513<<10, false},     // quiet, but under busyBytes since the release
		{15 << 20, false},             // busy again: 5 MiB since the release
		{15<<20 + 100<<10, true},      // quiet: release
		{15<<20 + 100<<10 + 1, false}, // nothing new
	}
	for i, s := range steps {
		if got := q.observe(s.allocated); got != s.want {
			t.Fatalf("step %d (%d bytes): release %v, want %v", i, s.allocated, got, s.want)
		}
	}
}
