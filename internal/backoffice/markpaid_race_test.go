package backoffice

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestMarkPaidWaitsForACancellation replays the race on PostgreSQL (READ COMMITTED): the booker
// cancels (free: a credit note of everything) in a transaction that is still open while the
// owner marks the booking paid. Marking must wait for the cancellation and then refuse — nothing
// is owed any more — never write "confirmed" back over it. (SQLite
// runs write transactions one at a time, so the race cannot happen there.)
func TestMarkPaidWaitsForACancellation(t *testing.T) {
	st := storetest.Postgres(t)
	ctx := context.Background()
	office, bookings := newTestOffice(t, st)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
	res, err := bookings.Reserve(ctx, request(date.ID, 1))
	if err != nil {
		t.Fatal(err)
	}
	ref := res.Booking.Reference
	watch, err := sql.Open("pgx", storetest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()
	marked := make(chan error, 1)
	err = st.WithTx(ctx, func(tx *store.Tx) error { // the booker's cancellation, held open
		b, err := tx.LockBooking(ctx, ref)
		if err != nil {
			return err
		}
		b.Status = model.BookingCancelled
		if err := tx.SaveBookingStatus(ctx, &b); err != nil {
			return err
		}
		// a free cancellation: the credit note leaves nothing owed
		if err := bookings.CreditCancellation(ctx, tx, b.ID, b.GrossCents, "", date.StartsAt.Add(-60*24*time.Hour)); err != nil {
			return err
		}
		go func() { marked <- office.MarkPaid(ctx, "owner@example.com", ref) }()
		return waitForBlockedBookingQuery(ctx, watch) // an error rolls the cancellation back
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := <-marked; !errors.Is(err, model.ErrInvalidTransition) {
		t.Fatalf("mark paid after the cancellation: %v, want invalid transition", err)
	}
	if b, _ := st.BookingByReference(ctx, ref); b.Status != model.BookingCancelled || b.PaymentStatus != model.PaymentUnpaid {
		t.Fatalf("the cancelled booking came back as %s/%s", b.Status, b.PaymentStatus)
	}
}

// waitForBlockedBookingQuery returns once some session waits for a row lock on bookings (the
// mark-paid transaction behind the open cancellation). After 500 looks 20 ms apart (10 s) it
// gives up with an error: the test would otherwise pass without having replayed the race.
func waitForBlockedBookingQuery(ctx context.Context, db *sql.DB) error {
	for range 500 {
		time.Sleep(20 * time.Millisecond)
		var n int
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE wait_event_type = 'Lock' AND query ILIKE '%bookings%' AND cardinality(pg_blocking_pids(pid)) > 0`).Scan(&n)
		if err != nil {
			return fmt.Errorf("watch for the blocked mark-paid: %w", err)
		}
		if n > 0 {
			return nil
		}
	}
	return errors.New("mark-paid never waited for the cancellation's row lock within 10 s: the race was not replayed")
}
