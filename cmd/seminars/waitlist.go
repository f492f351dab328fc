package main

import (
	"context"
	"log/slog"
	"time"

	"seminars/internal/backoffice"
)

// startWaitlist ends waiting-list offers that ran out and offers freed seats to the next in
// line, once a minute. The returned stop waits for a run in progress, so the database is closed
// only after it.
func startWaitlist(ctx context.Context, w *backoffice.Waitlist, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Minute)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if n, err := w.Process(ctx); err != nil {
					log.Error("waiting list", "error", err)
				} else if n > 0 {
					log.Info("waiting-list offers sent", "count", n)
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}
