package store

import "context"

// backgroundKey marks a context as a background job's (Background).
type backgroundKey struct{}

// Background marks ctx as a background job's: its write transactions are not counted by
// UserWrites. The worker runner marks every job's context, so a job's own commits (a stored
// PDF, a claimed outbox batch) never make the jobs think users are busy.
func Background(ctx context.Context) context.Context {
	return context.WithValue(ctx, backgroundKey{}, true)
}

// IsBackground reports whether ctx was marked by Background.
func IsBackground(ctx context.Context) bool {
	b, _ := ctx.Value(backgroundKey{}).(bool)
	return b
}

// UserWrites is how many write transactions not marked Background (bookings, admin edits) were
// committed since the store was opened. CPU-heavy background jobs watch it move to give way to
// the requests that wait for those commits (worker.Backoff).
func (s *Store) UserWrites() uint64 { return s.userWrites.Load() }

// countUserWrite counts a committed (err == nil) write made outside a background job.
func (s *Store) countUserWrite(ctx context.Context, err error) {
	if err == nil && !IsBackground(ctx) {
		s.userWrites.Add(1)
	}
}
