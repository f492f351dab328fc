package web

import "testing"

// TestHashMemoryGiveBackSkipsWhileOneRuns: a give-back while another runs returns at once
// instead of queueing a second forced collection; once none runs, it runs (and lets go).
func TestHashMemoryGiveBackSkipsWhileOneRuns(t *testing.T) {
	var h hashMemory
	h.running.Lock()
	h.giveBack() // would wait for ever if it queued behind the running one
	h.running.Unlock()
	h.giveBack()
	if !h.running.TryLock() {
		t.Fatal("the give-back kept its lock")
	}
}
