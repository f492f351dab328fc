package main

import (
	"context"
	"log/slog"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/worker"
)

// waitlistInterval is how often waiting-list offers are checked.
const waitlistInterval = time.Minute

// waitlistJob ends waiting-list offers that ran out and offers freed seats to the next in line.
func waitlistJob(w *backoffice.Waitlist, log *slog.Logger) worker.Job {
	return worker.Every("waitlist", waitlistInterval, func(ctx context.Context, _ time.Time) (int, error) {
		n, err := w.Process(ctx) // the waiting list reads its own clock
		if n > 0 {
			log.Info("waiting-list offers sent", "count", n)
		}
		return n, err
	})
}
