package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// TestSQLiteStatementCache runs the shapes of use the cache must get right on a real file: a
// statement reused across transactions, the same text again while its rows are still open,
// several statements in one string, INSERT … RETURNING run as Exec before a commit, and more
// distinct texts than the cache holds.
func TestSQLiteStatementCache(t *testing.T) {
	ctx := context.Background()
	db := openSQLitePool("file:" + filepath.Join(t.TempDir(), "cache.db") + "?_journal_mode=WAL&_txlock=immediate")
	t.Cleanup(func() { _ = db.Close() })
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL); CREATE TABLE u (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatalf("several statements in one string: %v", err)
	}
	count := func(t *testing.T, want int) {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM t").Scan(&n); err != nil || n != want {
			t.Fatalf("count = %d (%v), want %d", n, err, want)
		}
	}
	cases := []struct {
		name string
		run  func(t *testing.T)
		rows int // rows of t afterwards
	}{
		{"reused across transactions", func(t *testing.T) {
			for i := range 3 {
				tx, err := db.BeginTx(ctx, nil)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := tx.ExecContext(ctx, "INSERT INTO t (v) VALUES (?)", i); err != nil {
					t.Fatal(err)
				}
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
			}
		}, 3},
		{"rows read to the end", func(t *testing.T) {
			outer, err := db.QueryContext(ctx, "SELECT v FROM t WHERE v >= ? ORDER BY v", 0)
			if err != nil {
				t.Fatal(err)
			}
			defer outer.Close()
			seen := 0
			for outer.Next() {
				var v int
				if err := outer.Scan(&v); err != nil {
					t.Fatal(err)
				}
				seen++
			}
			if err := outer.Err(); err != nil || seen != 3 {
				t.Fatalf("outer rows: %d (%v), want 3", seen, err)
			}
		}, 3},
		{"nested use of one text in a transaction", func(t *testing.T) {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			outer, err := tx.QueryContext(ctx, "SELECT v FROM t WHERE v >= ? ORDER BY v", 0)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for outer.Next() {
				var v, again int
				if err := outer.Scan(&v); err != nil {
					t.Fatal(err)
				}
				if err := tx.QueryRowContext(ctx, "SELECT v FROM t WHERE v >= ? ORDER BY v", v).Scan(&again); err != nil || again != v {
					t.Fatalf("inner = %d (%v), want %d", again, err, v)
				}
				sum += v
			}
			if err := outer.Close(); err != nil || sum != 0+1+2 {
				t.Fatalf("outer sum %d (%v)", sum, err)
			}
		}, 3},
		{"INSERT RETURNING as Exec, then commit", func(t *testing.T) {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO t (v) VALUES (?) RETURNING id", 9); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				t.Fatalf("commit after an Exec that returned a row: %v", err)
			}
		}, 4},
		{"more texts than the cache holds", func(t *testing.T) {
			for i := range stmtCacheSize + 10 {
				var v int
				if err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&v); err != nil || v != i {
					t.Fatalf("SELECT %d = %d (%v)", i, v, err)
				}
			}
		}, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.run(t)
			count(t, c.rows)
		})
	}
}
