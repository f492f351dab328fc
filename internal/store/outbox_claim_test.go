package store_test

import (
	"context"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestClaimOutboxItem: of two workers that saw the same due item, only the first gets it; the
// item comes back once the lease has run out (its worker died).
func TestClaimOutboxItem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := st.Now().Truncate(time.Second)
		claim := func(item model.OutboxItem, at time.Time) bool {
			t.Helper()
			var ok bool
			err := st.WithTx(ctx, func(tx *store.Tx) (err error) {
				ok, err = tx.ClaimOutboxItem(ctx, item, at, 5*time.Minute)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			return tx.Enqueue(ctx, &model.OutboxItem{Topic: "mail.send", Key: "k", NextAttemptAt: now})
		})
		if err != nil {
			t.Fatal(err)
		}
		due, err := st.DueOutboxItems(ctx, "mail.send", now, 10)
		if err != nil || len(due) != 1 {
			t.Fatalf("due items: %v, %v", due, err)
		}
		if !claim(due[0], now) {
			t.Fatal("first worker did not get the item")
		}
		if claim(due[0], now) {
			t.Fatal("second worker got the same item")
		}
		if again, _ := st.DueOutboxItems(ctx, "mail.send", now.Add(time.Minute), 10); len(again) != 0 {
			t.Fatal("a leased item is due again before its lease ran out")
		}
		again, _ := st.DueOutboxItems(ctx, "mail.send", now.Add(6*time.Minute), 10)
		if len(again) != 1 || !claim(again[0], now.Add(6*time.Minute)) {
			t.Fatal("the item did not come back after the lease ran out")
		}
	})
}
