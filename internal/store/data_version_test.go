package store_test

import (
	"context"
	"errors"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestDataVersionMovesWithPublicWrites: committed writes that can change a public page move the
// data version; back-office writes and rolled-back transactions leave it alone.
func TestDataVersionMovesWithPublicWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		cases := []struct {
			name  string
			write func(tx *store.Tx) error
			moves bool
		}{
			{"seats taken", func(tx *store.Tx) error { return tx.TakeSeats(ctx, d.ID, 2) }, true},
			{"seats given back", func(tx *store.Tx) error { return tx.ReleaseSeats(ctx, d.ID, 1) }, true},
			{"a new seminar", func(tx *store.Tx) error {
				return tx.CreateSeminar(ctx, &model.Seminar{Slug: "neu", TitleDE: "Neu", TitleEN: "New", DurationMinutes: 60, Published: true})
			}, true},
			{"an audit entry only", func(tx *store.Tx) error {
				return tx.AddAudit(ctx, &model.AuditEntry{Actor: "test", Action: "test", Subject: "date 1"})
			}, false},
			{"a mail queued only", func(tx *store.Tx) error {
				return tx.Enqueue(ctx, &model.OutboxItem{Topic: "test", Key: "data-version-test", Payload: "{}", Status: "pending"})
			}, false},
			{"seats taken, then rolled back", func(tx *store.Tx) error {
				if err := tx.TakeSeats(ctx, d.ID, 1); err != nil {
					return err
				}
				return errors.New("changed my mind")
			}, false},
			{"a read only", func(tx *store.Tx) error { _, err := tx.DateByID(ctx, d.ID); return err }, false},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := st.DataVersion(ctx)
				if err := st.WithTx(ctx, tc.write); err != nil && tc.moves {
					t.Fatal(err)
				} else if err != nil && err.Error() != "changed my mind" {
					t.Fatalf("the write failed, so it proves nothing: %v", err)
				}
				if moved := st.DataVersion(ctx) != before; moved != tc.moves {
					t.Errorf("version moved: %v, want %v (%s → %s)", moved, tc.moves, before, st.DataVersion(ctx))
				}
			})
		}
	})
}

// TestDataVersionSharedOnPostgres: two instances on one PostgreSQL see each other's public
// writes within store.SharedVersionPoll on their clocks, and no later.
func TestDataVersionSharedOnPostgres(t *testing.T) {
	ctx := context.Background()
	url := storetest.PostgresSchemaURL(t)
	clkA, clkB := storetest.NewClock(t), storetest.NewClock(t)
	a, err := store.Open(ctx, url, clkA.Option())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	b, err := store.Open(ctx, url, clkB.Option())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	d := storetest.SeedDate(t, a, storetest.DateOptions{Capacity: 10})
	cases := []struct {
		name            string
		writer, watcher *store.Store
		watcherClock    *storetest.Clock
	}{
		{"A writes, B watches", a, b, clkB},
		{"B writes, A watches", b, a, clkA},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.watcherClock.Advance(store.SharedVersionPoll)
			before := tc.watcher.DataVersion(ctx)
			if err := tc.writer.WithTx(ctx, func(tx *store.Tx) error { return tx.TakeSeats(ctx, d.ID, 1) }); err != nil {
				t.Fatal(err)
			}
			if got := tc.watcher.DataVersion(ctx); got != before {
				t.Errorf("the watcher read the shared version again before its poll interval: %s → %s", before, got)
			}
			tc.watcherClock.Advance(store.SharedVersionPoll)
			if got := tc.watcher.DataVersion(ctx); got == before {
				t.Errorf("the watcher did not see the other instance's write after %s: still %s", store.SharedVersionPoll, got)
			}
		})
	}
}
