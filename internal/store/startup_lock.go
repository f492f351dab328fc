package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"
)

// startupLockKey names the PostgreSQL advisory lock of start-up. Advisory locks are per
// database, so the key includes the schema: instances on one schema exclude each other, while
// services (and tests) in other schemas of the same database start undisturbed.
const startupLockKey = "hashtextextended('seminars.startup:' || coalesce(current_schema(), ''), 0)"

// WithStartupLock runs fn while holding the start-up lock, which every instance of the service on
// the same database shares: migrations, demo seeding and the creation of the first admin run
// under it, so instances starting together do each of them once and never race.
//
// On PostgreSQL it is a session-level pg_advisory_lock held on one pinned connection for the
// whole of fn (fn's own queries use the pools as usual). On SQLite it is an exclusive lock on the
// file <database>.lock beside the database, for processes sharing the file.
func (s *Store) WithStartupLock(ctx context.Context, fn func(ctx context.Context) error) error {
	if s.postgres {
		return s.withAdvisoryLock(ctx, fn)
	}
	return withFileLock(ctx, s.path+".lock", fn)
}

func (s *Store) withAdvisoryLock(ctx context.Context, fn func(ctx context.Context) error) (err error) {
	pool, err := s.write.DB()
	if err != nil {
		return err
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: start-up lock: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+startupLockKey+")"); err != nil {
		return fmt.Errorf("store: take start-up lock: %w", err)
	}
	defer func() {
		// Unlock even when ctx is cancelled: the connection goes back to the pool.
		if _, unlockErr := conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+startupLockKey+")"); unlockErr != nil {
			// A pooled connection must never keep the lock: throw it away, which ends its session.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			err = errors.Join(err, fmt.Errorf("store: release start-up lock: %w", unlockErr))
		}
	}()
	return fn(ctx)
}

// fileLockRetry is how often a waiting SQLite start-up polls the lock file.
const fileLockRetry = 50 * time.Millisecond

func withFileLock(ctx context.Context, path string, fn func(ctx context.Context) error) error {
	lock := flock.New(path)
	locked, err := lock.TryLockContext(ctx, fileLockRetry)
	if err != nil {
		return fmt.Errorf("store: take start-up lock %s: %w", path, err)
	}
	if !locked {
		return fmt.Errorf("store: take start-up lock %s: %w", path, ctx.Err())
	}
	defer lock.Unlock()
	return fn(ctx)
}
