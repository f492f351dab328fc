package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestBookingQueriesUseIndexes reads both planners' plans of the queries that the indexes of
// migration 0034 are for. The partial ones are used only by a query that states their condition,
// so a query rewritten without it fails here; the dropped ones (date_id alone, status) must not
// leave a query walking every booking. PostgreSQL plans with sequential scans switched off: the
// question is whether the index can serve the query, not whether it is cheaper on empty tables.
func TestBookingQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		query func(Reads) error
		want  string // the index the plan must name
		// pgAny: on empty tables PostgreSQL prefers another index (a skip scan of
		// idx_bookings_date_seats for the expired holds); only a sequential scan fails there.
		pgAny bool
	}{
		{"bookings that need attention", func(q Reads) error { _, err := q.AttentionBookings(ctx, 50); return err },
			"idx_bookings_attention", false},
		{"count of bookings that need attention", func(q Reads) error { _, err := q.CountAttentionBookings(ctx); return err },
			"idx_bookings_attention", false},
		{"booking of a payment intent", func(q Reads) error { _, err := q.BookingReferenceByPaymentIntent(ctx, "pi_1"); return err },
			"idx_bookings_payment_intent", false},
		{"expired holds", func(q Reads) error { _, err := q.ExpiredHoldReferences(ctx, now, 100); return err },
			"idx_bookings_hold_expires_at", true},
		{"credit notes of an invoice", func(q Reads) error { _, err := q.CreditedNetCents(ctx, 7); return err },
			"idx_invoices_original_id", false},
		{"bookings of a date to notify", func(q Reads) error { _, err := q.BookingsToNotify(ctx, 3, false); return err },
			"idx_bookings_date_seats", false},
		{"reminders due", func(q Reads) error {
			_, err := q.RemindersDue(ctx, now, now.AddDate(0, 0, 7), "mail:reminder:")
			return err
		},
			"idx_bookings_date_seats", false},
		// The ended dates of the window come from idx_seminar_dates_ends_at (0037); their bookings
		// and attendees follow by key, so nothing walks every attendee.
		{"certificates due", func(q Reads) error {
			_, err := q.CertificatesDue(ctx, now.AddDate(0, 0, -7), now, "mail:certificate:")
			return err
		},
			"idx_seminar_dates_ends_at", true},
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Open(ctx, db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var captured []capturedQuery
			capture := func(tx *gorm.DB) {
				captured = append(captured, capturedQuery{tx.Statement.SQL.String(), append([]any(nil), tx.Statement.Vars...)})
			}
			if err := st.read.Callback().Query().After("gorm:query").Register("test:capture", capture); err != nil {
				t.Fatal(err)
			}
			if err := st.read.Callback().Row().After("gorm:row").Register("test:capture", capture); err != nil {
				t.Fatal(err)
			}
			dry := Reads{db: st.read.Session(&gorm.Session{DryRun: true}), now: st.now}
			pool, err := st.read.DB()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					captured = captured[:0]
					// A dry run returns no rows, so the methods answer "not found" or that they
					// cannot scan; the statement was built and captured all the same.
					if err := c.query(dry); len(captured) == 0 {
						t.Fatalf("no query captured (%v)", err)
					}
					// The first statement is the query itself; preloads of its (absent) rows follow.
					plan := explain(t, ctx, pool, db.name, captured[0])
					want := c.want
					if db.name == "postgres" && c.pgAny {
						want = ""
					}
					if !strings.Contains(plan, want) || strings.Contains(plan, "SCAN bookings\n") ||
						strings.HasSuffix(plan, "SCAN bookings") || strings.Contains(plan, "Seq Scan on bookings") {
						t.Fatalf("plan of\n%s\n---\n%s\nwant it to use %q and no full scan of bookings", captured[0].sql, plan, want)
					}
				})
			}
		})
	}
}

type capturedQuery struct {
	sql  string
	vars []any
}

// explain returns the planner's plan of q, one step a line.
func explain(t *testing.T, ctx context.Context, pool *sql.DB, dialect string, q capturedQuery) string {
	t.Helper()
	conn, err := pool.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	prefix := "EXPLAIN QUERY PLAN "
	if dialect == "postgres" {
		prefix = "EXPLAIN "
		if _, err := conn.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
			t.Fatal(err)
		}
		defer conn.ExecContext(ctx, "RESET enable_seqscan") //nolint:errcheck // the connection is the test's own
	}
	rows, err := conn.QueryContext(ctx, prefix+q.sql, q.vars...)
	if err != nil {
		t.Fatalf("explain %s: %v", q.sql, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for rows.Next() {
		values := make([]any, len(cols))
		targets := make([]any, len(cols))
		for i := range values {
			targets[i] = &values[i]
		}
		if err := rows.Scan(targets...); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, toText(values[len(values)-1])) // SQLite's detail is the last column, PostgreSQL's only one
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(steps, "\n")
}

func toText(v any) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	s, _ := v.(string)
	return s
}
