package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the driver GORM's postgres dialect uses
)

// postgresClients are the client counts of the PostgreSQL figures (issue 16 asks for both).
var postgresClients = []int{8, 64}

// postgresSchema makes a fresh schema on the server of dsn and returns a URL whose search_path
// is that schema, so the in-process server migrates and seeds an empty database there; drop
// removes it.
func postgresSchema(ctx context.Context, dsn string) (schemaURL string, drop func(), err error) {
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	random := make([]byte, 6)
	_, _ = rand.Read(random)
	schema := "loadtest_" + hex.EncodeToString(random)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		_ = admin.Close()
		return "", nil, fmt.Errorf("postgres: create schema: %w", err)
	}
	drop = func() {
		_, _ = admin.ExecContext(context.WithoutCancel(ctx), "DROP SCHEMA "+schema+" CASCADE")
		_ = admin.Close()
	}
	u, err := url.Parse(dsn)
	if err != nil {
		drop()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

// postgresFigures measures, at each of postgresClients, the plain Go peer and then the bookings
// of the server (which runs on the same PostgreSQL), each booking figure related to the peer
// measured just before it. Before each peer it waits for the server's background jobs (the
// documents and mail of the bookings before), so that the peer does not share the cores with
// them; the waits are notes in rep.
func postgresFigures(ctx context.Context, srv *server, opts Options, dateID uint, run string, rep *Report) ([]Figure, error) {
	var out []Figure
	for _, clients := range postgresClients {
		if err := settleBefore(ctx, srv, rep, "postgres_peer_c"+strconv.Itoa(clients)); err != nil {
			return out, err
		}
		peer, err := postgresPeer(ctx, opts.Postgres, clients, opts.Duration)
		if err != nil {
			return out, fmt.Errorf("postgres peer: %w", err)
		}
		booked := attack(ctx, "postgres_bookings_c"+strconv.Itoa(clients), bookingTargeter(srv.BaseURL, dateID, run+"pg"+strconv.Itoa(clients)),
			clients, opts.Duration, confirmedBooking)
		booked.What = fmt.Sprintf("POST /api/v1/bookings on PostgreSQL at %d clients: confirmed invoice bookings, one new attendee each, on date %d", clients, dateID)
		relate(&booked, peer)
		out = append(out, peer, booked)
	}
	return out, nil
}

// postgresPeer is what a booking must at least cost on PostgreSQL, the peer of issue 16: clients
// goroutines, each on its own pooled connection, run for d one transaction after another of
// three statements — lock the date's row (SELECT … FOR UPDATE), insert a booking-like row, add
// the seat — on one date, with pgx. No HTTP, validation, attendees, invoice or outbox.
func postgresPeer(ctx context.Context, dsn string, clients int, d time.Duration) (Figure, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return Figure{}, err
	}
	defer db.Close()
	db.SetMaxOpenConns(clients)
	db.SetMaxIdleConns(clients)
	for _, ddl := range []string{
		"CREATE TABLE IF NOT EXISTS peer_dates (id BIGINT PRIMARY KEY, capacity INT NOT NULL, seats_taken INT NOT NULL)",
		"CREATE TABLE IF NOT EXISTS peer_bookings (id BIGSERIAL PRIMARY KEY, date_id BIGINT NOT NULL REFERENCES peer_dates(id), reference TEXT NOT NULL, email TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)",
		"INSERT INTO peer_dates (id, capacity, seats_taken) VALUES (1, 1000000000, 0) ON CONFLICT (id) DO NOTHING",
	} {
		if _, err := db.ExecContext(ctx, ddl); err != nil {
			return Figure{}, err
		}
	}
	f := Figure{Name: "postgres_peer_c" + strconv.Itoa(clients),
		What: fmt.Sprintf("plain Go peer on PostgreSQL at %d clients: SELECT … FOR UPDATE of the date, INSERT a booking row, UPDATE the seats; one commit each", clients)}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	began := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := 0; time.Since(began) < d && ctx.Err() == nil; i++ {
				t0 := time.Now()
				if err := peerBooking(ctx, db, fmt.Sprintf("PG-%d-%d", c, i), t0); err != nil {
					mu.Lock()
					f.Errors++
					f.ErrorSample = err.Error()
					mu.Unlock()
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(began)
	f.Requests = uint64(len(latencies)) + f.Errors
	f.PerSecond = float64(len(latencies)) / elapsed.Seconds()
	slices.Sort(latencies)
	f.P50Ms, f.P99Ms = ms(quantile(latencies, 0.50)), ms(quantile(latencies, 0.99))
	return f, nil
}

func peerBooking(ctx context.Context, db *sql.DB, reference string, at time.Time) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var capacity, taken int
	if err := tx.QueryRowContext(ctx, "SELECT capacity, seats_taken FROM peer_dates WHERE id = 1 FOR UPDATE").Scan(&capacity, &taken); err != nil {
		return err
	}
	if taken >= capacity {
		return fmt.Errorf("peer date sold out")
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO peer_bookings (date_id, reference, email, created_at) VALUES (1, $1, $2, $3)",
		reference, reference+"@example.com", at.UTC()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE peer_dates SET seats_taken = seats_taken + 1 WHERE id = 1"); err != nil {
		return err
	}
	return tx.Commit()
}
