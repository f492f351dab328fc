package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver the store uses (through gorm.io/driver/sqlite)
)

// bareSQLiteLoop is the disk's limit for one-commit-per-booking: one connection (the store has
// one writer too) inserting one row per transaction, for d, into a fresh file in dir, with the
// store's pragmas (WAL, synchronous=FULL, BEGIN IMMEDIATE). It does no other work: no
// attendees, invoice, outbox or HTTP.
func bareSQLiteLoop(ctx context.Context, dir string, d time.Duration) (Figure, error) {
	params := url.Values{}
	params.Set("_journal_mode", "WAL")
	params.Set("_synchronous", "FULL")
	params.Set("_busy_timeout", "10000")
	params.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "bare-loop.db")+"?"+params.Encode())
	if err != nil {
		return Figure{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS bookings (id INTEGER PRIMARY KEY,
		reference TEXT NOT NULL, email TEXT NOT NULL, created_at TEXT NOT NULL)`); err != nil {
		return Figure{}, err
	}
	var latencies []time.Duration
	done := observe(ctx, figBareLoop)
	f := Figure{Name: figBareLoop, What: "bare SQLite loop: one INSERT per commit, one connection, synchronous=FULL"}
	began := time.Now()
	for i := 0; time.Since(began) < d && ctx.Err() == nil; i++ {
		t0 := time.Now()
		if err := insertOne(ctx, db, i, t0); err != nil {
			f.Errors++
			f.ErrorSample = err.Error()
			continue
		}
		latencies = append(latencies, time.Since(t0))
	}
	elapsed := time.Since(began)
	f.Requests = uint64(len(latencies)) + f.Errors
	f.PerSecond = float64(len(latencies)) / elapsed.Seconds()
	slices.Sort(latencies)
	f.P50Ms, f.P99Ms = ms(quantile(latencies, 0.50)), ms(quantile(latencies, 0.99))
	done(&f)
	return f, nil
}

func insertOne(ctx context.Context, db *sql.DB, i int, at time.Time) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO bookings (reference, email, created_at) VALUES (?, ?, ?)`,
		fmt.Sprintf("LT-%08d", i), fmt.Sprintf("load-%d@example.com", i), at.UTC().Format(time.RFC3339Nano)); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// quantile of sorted durations (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q * float64(len(sorted)-1))
	return sorted[i]
}
