package store

import (
	"context"
	"errors"
	"testing"

	"github.com/gofrs/flock"
)

// TestStartupLockExcludesOthers holds the start-up lock and asks, from outside the store, whether
// another instance could take it now: not while it is held, and again once WithStartupLock
// returns — also when fn fails, so a failed start-up never blocks the next instance.
func TestStartupLockExcludesOthers(t *testing.T) {
	ctx := context.Background()
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Open(ctx, db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			cases := []struct {
				name  string
				fnErr error
			}{
				{"start-up succeeds", nil},
				{"start-up fails", context.Canceled},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					var heldInside bool
					err := st.WithStartupLock(ctx, func(ctx context.Context) error {
						heldInside = !otherInstanceCanLock(t, st)
						return tc.fnErr
					})
					if !errors.Is(err, tc.fnErr) {
						t.Fatalf("WithStartupLock returned %v, want fn's %v", err, tc.fnErr)
					}
					if !heldInside {
						t.Error("another instance could take the lock while start-up held it")
					}
					if !otherInstanceCanLock(t, st) {
						t.Error("the lock is still held after start-up")
					}
				})
			}
		})
	}
}

// otherInstanceCanLock tries the lock the way a second process would, and releases it at once.
func otherInstanceCanLock(t *testing.T, st *Store) bool {
	t.Helper()
	if !st.postgres {
		other := flock.New(st.path + ".lock")
		locked, err := other.TryLock()
		if err != nil {
			t.Fatal(err)
		}
		if locked {
			_ = other.Unlock()
		}
		return locked
	}
	// Another connection is another session, as another instance's would be: advisory locks
	// belong to the session that took them.
	sqlDB, err := st.write.DB()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := sqlDB.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var locked bool
	if err := conn.QueryRowContext(context.Background(), "SELECT pg_try_advisory_lock("+startupLockKey+")").Scan(&locked); err != nil {
		t.Fatal(err)
	}
	if locked {
		if _, err := conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock("+startupLockKey+")"); err != nil {
			t.Fatal(err)
		}
	}
	return locked
}
