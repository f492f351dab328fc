package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// groupMaxBatch bounds how many transactions share one commit: enough to carry a burst of 64
// clients in one or two fsyncs, few enough that the last member of a batch does not wait long
// for the others' statements.
const groupMaxBatch = 128

// ErrClosed is returned by a write that arrives after Close.
var ErrClosed = errors.New("store: closed")

// PanicError is what WithTx panics with when its fn panicked on SQLite's writer goroutine: the
// panic was recovered there (the goroutine goes on serving the others), the fn's savepoint
// rolled back, and it is raised again in the caller.
type PanicError struct {
	Value any    // what fn panicked with
	Stack []byte // the writer goroutine's stack at the panic, for the caller's log
}

func (e *PanicError) Error() string { return fmt.Sprintf("store: transaction panicked: %v", e.Value) }

// GroupStats counts the group commits of a SQLite store since it was opened: Members write
// transactions were committed (or refused) in Batches database transactions.
type GroupStats struct {
	Batches uint64
	Members uint64
}

// GroupStats tells how well group commit batches; zero on PostgreSQL.
func (s *Store) GroupStats() GroupStats {
	if s.group == nil {
		return GroupStats{}
	}
	return GroupStats{Batches: s.group.batches.Load(), Members: s.group.members.Load()}
}

// groupWriter is SQLite's group commit: the queue of waiting write transactions and the one
// goroutine that runs them.
type groupWriter struct {
	write *gorm.DB
	now   func() time.Time
	queue chan *member
	// mu is held for reading while a caller enqueues and for writing by close, so nothing is
	// sent on the queue after it was closed.
	mu      sync.RWMutex
	closed  bool
	stopped chan struct{} // closed when the writer goroutine has answered everyone and returned

	batches, members atomic.Uint64
}

// member states: the caller gives up only a queued member; once running it waits for the commit.
const (
	memberQueued int32 = iota
	memberRunning
	memberAbandoned
)

type member struct {
	ctx    context.Context
	fn     func(*Tx) error
	state  atomic.Int32
	err    error         // the outcome, written by the writer goroutine before answered is closed
	answer chan struct{} // closed once err is final (after COMMIT or ROLLBACK)
}

func startGroupWriter(write *gorm.DB, now func() time.Time) *groupWriter {
	g := &groupWriter{write: write, now: now, queue: make(chan *member, groupMaxBatch), stopped: make(chan struct{})}
	go g.run()
	return g
}

// do queues fn and waits for its outcome.
func (g *groupWriter) do(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m := &member{ctx: ctx, fn: fn, answer: make(chan struct{})}
	g.mu.RLock()
	if g.closed {
		g.mu.RUnlock()
		return ErrClosed
	}
	select {
	case g.queue <- m:
	case <-ctx.Done():
		g.mu.RUnlock()
		return ctx.Err()
	}
	g.mu.RUnlock()
	select {
	case <-m.answer:
		return m.err
	case <-ctx.Done():
		if m.state.CompareAndSwap(memberQueued, memberAbandoned) {
			return ctx.Err()
		}
		// fn is running or has run: its writes may already be part of a batch on its way to
		// COMMIT, so the caller learns the real outcome (and fn's closure is no longer shared).
		<-m.answer
		return m.err
	}
}

// close stops taking new transactions, lets the writer finish everything queued and waits for it.
func (g *groupWriter) close() {
	g.mu.Lock()
	if !g.closed {
		g.closed = true
		close(g.queue)
	}
	g.mu.Unlock()
	<-g.stopped
}

// run is the writer goroutine: a batch is whatever is queued when the previous commit is done.
// Under load the queue fills while a commit waits for its fsync, so batches grow with the load
// without any deliberate waiting; alone, a transaction is committed at once.
func (g *groupWriter) run() {
	defer close(g.stopped)
	batch := make([]*member, 0, groupMaxBatch)
	for first := range g.queue {
		batch = append(batch[:0], first)
	fill:
		for len(batch) < groupMaxBatch {
			select {
			case m, ok := <-g.queue:
				if !ok {
					break fill
				}
				batch = append(batch, m)
			default:
				break fill
			}
		}
		g.commit(batch)
		clear(batch) // drop the closures until the next batch overwrites them
	}
}

// commit runs one batch in one transaction and answers its members.
func (g *groupWriter) commit(batch []*member) {
	live := make([]*member, 0, len(batch))
	for _, m := range batch {
		if m.state.CompareAndSwap(memberQueued, memberRunning) {
			live = append(live, m)
		}
	}
	if len(live) == 0 {
		return
	}
	defer func() {
		for _, m := range live {
			close(m.answer)
		}
	}()
	g.batches.Add(1)
	g.members.Add(uint64(len(live)))
	failAll := func(err error) {
		for _, m := range live {
			if m.err == nil {
				m.err = err
			}
		}
	}
	// The batch's own statements (BEGIN, SAVEPOINT, COMMIT) run under no caller's context: one
	// caller giving up must not cut the others' transaction short.
	tx := g.write.WithContext(context.Background()).Begin()
	if tx.Error != nil {
		failAll(fmt.Errorf("store: begin group transaction: %w", tx.Error))
		return
	}
	inner := tx.Statement.ConnPool
	db := tx.Session(&gorm.Session{NewDB: true, Context: context.Background()})
	db.Statement.ConnPool = detachedPool{inner}
	for _, m := range live {
		if err := runMember(inner, db, g.now, m); err != nil {
			// The transaction can no longer be trusted (SQLite rolls it back itself after some
			// errors): nobody in this batch is committed.
			failAll(fmt.Errorf("store: group transaction aborted: %w", err))
			_ = tx.Rollback().Error
			return
		}
	}
	if err := tx.Commit().Error; err != nil {
		failAll(fmt.Errorf("store: commit group transaction: %w", err))
	}
}

// runMember runs m's fn in a savepoint of the batch transaction and records its own outcome in
// m.err. The error it returns is the batch's: a savepoint statement failed.
func runMember(pool gorm.ConnPool, db *gorm.DB, now func() time.Time, m *member) error {
	bg := context.Background()
	if _, err := pool.ExecContext(bg, "SAVEPOINT group_member"); err != nil {
		return err
	}
	err := callMember(m.fn, &Tx{Reads: Reads{db: db, now: now}})
	if err == nil {
		err = m.ctx.Err() // the caller gave up while fn ran: as WithTx would, undo fn
	}
	if err != nil {
		m.err = err
		if _, rbErr := pool.ExecContext(bg, "ROLLBACK TO group_member"); rbErr != nil {
			return rbErr
		}
	}
	// RELEASE also proves the transaction is still open: had SQLite rolled it back, the
	// savepoint would be gone.
	_, err = pool.ExecContext(bg, "RELEASE group_member")
	return err
}

// callMember calls fn, turning a panic into a *PanicError so the writer goroutine survives it.
func callMember(fn func(*Tx) error, tx *Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &PanicError{Value: p, Stack: debug.Stack()}
		}
	}()
	return fn(tx)
}

// detachedPool runs a member's statements without its context's cancellation (the values
// stay): mattn/go-sqlite3 answers a cancelled context with sqlite3_interrupt, and an
// interrupted write makes SQLite roll back the whole transaction — every member of the batch.
type detachedPool struct{ gorm.ConnPool }

func (p detachedPool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.ConnPool.PrepareContext(context.WithoutCancel(ctx), query)
}

func (p detachedPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.ConnPool.ExecContext(context.WithoutCancel(ctx), query, args...)
}

func (p detachedPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.ConnPool.QueryContext(context.WithoutCancel(ctx), query, args...)
}

func (p detachedPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.ConnPool.QueryRowContext(context.WithoutCancel(ctx), query, args...)
}
