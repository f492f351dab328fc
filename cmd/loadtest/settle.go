package main

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/store"
)

// settleLimit bounds the wait for a started server's background jobs between figures: 2,000
// bookings' documents and mail take well under a minute on the development machine.
const settleLimit = 5 * time.Minute

// settlePoll is how often the outbox is asked whether anything is still due.
const settlePoll = 250 * time.Millisecond

// settle waits until the started server's background jobs have nothing due (no pending outbox
// item whose time has come: documents to render, mails to send), at most limit, and says how
// long it waited. A figure that follows the bookings would otherwise share the cores with the
// rendering and mailing of the bookings before it — the PostgreSQL figures spent three quarters
// of the server's CPU on the earlier figure's PDFs — and measure that instead of itself. A server
// named by -url has no Backlog: nothing to wait for.
func settle(ctx context.Context, srv *server, limit time.Duration, poll time.Duration) (time.Duration, error) {
	if srv.Backlog == nil {
		return 0, nil
	}
	start := time.Now()
	for {
		busy, err := srv.Backlog(ctx)
		if err != nil {
			return time.Since(start), fmt.Errorf("background jobs: %w", err)
		}
		waited := time.Since(start)
		if !busy {
			return waited, nil
		}
		if waited >= limit {
			return waited, fmt.Errorf("background jobs still busy after %s", limit.Round(time.Second))
		}
		select {
		case <-ctx.Done():
			return waited, ctx.Err()
		case <-time.After(poll):
		}
	}
}

// settleBefore runs settle and notes the wait in the report, before the figure named next.
func settleBefore(ctx context.Context, srv *server, rep *Report, next string) error {
	waited, err := settle(ctx, srv, settleLimit, settlePoll)
	if err != nil {
		return fmt.Errorf("before %s: %w", next, err)
	}
	if srv.Backlog != nil {
		rep.Notes = append(rep.Notes, fmt.Sprintf("waited %.1f s for the background jobs (documents, mail) of the figures before %s", waited.Seconds(), next))
	}
	return nil
}

// backlogOf says whether st's outbox holds an item that is due now.
func backlogOf(ctx context.Context, st *store.Store) (bool, error) {
	due, err := st.DueOutboxItems(ctx, "", time.Now(), 1)
	return len(due) > 0, err
}
