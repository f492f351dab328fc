package store

// GroupQueued is how many write transactions wait in the group-commit queue, so a test can hold
// the writer, queue a batch and know it is complete before letting the writer go.
func GroupQueued(s *Store) int { return len(s.group.queue) }
