package mail

import (
	"context"
	"time"
)

// ExpandEvents runs only the expansion step of a round, so a test can look at pending messages
// before anything is delivered.
func (w *Worker) ExpandEvents(ctx context.Context, now time.Time) error {
	_, err := w.jobs.Drain(ctx, w.eventQueue(), now)
	return err
}
