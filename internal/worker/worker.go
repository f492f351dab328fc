// Package worker runs the service's background jobs — the outbox workers (mail, Stripe,
// documents) and the periodic jobs (hold sweeper, waiting list) — with one policy: a panic is
// recovered per item and per round, a failure is recorded on its item and retried with capped
// exponential backoff, an item that keeps failing with a panic or a permanent error is parked as
// failed (and the owners are told), and every outcome is counted on /metrics. No background job
// can take the process down, and a poison item never blocks the items behind it or the next start.
package worker

import (
	"log/slog"
	"time"

	"seminars/internal/store"
)

// DefaultMaxAttempts is the worker_max_attempts setting's default.
const DefaultMaxAttempts = 5

// Settings is how a Runner treats failures.
type Settings struct {
	// MaxAttempts is how many attempts ending in a panic or a permanent error an item gets
	// before it is parked (worker_max_attempts; DefaultMaxAttempts when 0).
	MaxAttempts int
	// Now is the clock for domain time: when an item is due, when to try it again.
	Now func() time.Time
	Log *slog.Logger
	// Metrics counts outcomes; nil counts nothing (tests that do not look at /metrics).
	Metrics *Metrics
	// Backoff, if set, makes the items of queues with Yield wait while users are writing;
	// nil never waits.
	Backoff *Backoff
}

// Runner works background jobs on one store under one failure policy.
type Runner struct {
	st *store.Store
	s  Settings
}

// New returns a runner for the jobs of st.
func New(st *store.Store, s Settings) *Runner {
	if s.MaxAttempts <= 0 {
		s.MaxAttempts = DefaultMaxAttempts
	}
	if s.Now == nil {
		s.Now = st.Now // the store's clock, injected where the store was opened
	}
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	return &Runner{st: st, s: s}
}

// MaxAttempts is how many panics or permanent errors park an item.
func (r *Runner) MaxAttempts() int { return r.s.MaxAttempts }
