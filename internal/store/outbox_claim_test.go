package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestClaimDueOutboxItems: goroutines claiming batches at the same time (as several
// instances on one PostgreSQL do) get every due item exactly once; a claimed item is due again
// only after its lease, or at once when given back unworked.
func TestClaimDueOutboxItems(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := st.Now().Truncate(time.Second)
		const items, claimers, batch = 120, 6, 7
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			for i := range items {
				if err := tx.Enqueue(ctx, &model.OutboxItem{Topic: "mail.send", Key: fmt.Sprintf("claim:%d", i), NextAttemptAt: now}); err != nil {
					return err
				}
			}
			return tx.Enqueue(ctx, &model.OutboxItem{Topic: "stripe.refund", Key: "other-topic", NextAttemptAt: now})
		})
		if err != nil {
			t.Fatal(err)
		}
		claim := func(at time.Time) ([]model.OutboxItem, error) {
			var got []model.OutboxItem
			err := st.WithTx(ctx, func(tx *store.Tx) (err error) {
				got, err = tx.ClaimDueOutboxItems(ctx, "mail.", at, batch, 5*time.Minute)
				return err
			})
			return got, err
		}
		var mu sync.Mutex
		seen := map[uint]int{}
		var g errgroup.Group
		for range claimers {
			g.Go(func() error {
				for {
					got, err := claim(now)
					if err != nil || len(got) == 0 {
						return err
					}
					mu.Lock()
					for _, it := range got {
						seen[it.ID]++
					}
					mu.Unlock()
				}
			})
		}
		if err := g.Wait(); err != nil {
			t.Fatal(err)
		}
		if len(seen) != items {
			t.Fatalf("%d items claimed, want %d", len(seen), items)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("item %d claimed %d times", id, n)
			}
		}

		cases := []struct {
			name string
			at   time.Time
			want int
		}{
			{"within the lease", now.Add(4 * time.Minute), 0},
			{"after the lease", now.Add(6 * time.Minute), batch},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := claim(tc.at)
				if err != nil || len(got) != tc.want {
					t.Fatalf("claimed %d items (%v), want %d", len(got), err, tc.want)
				}
			})
		}

		again, err := claim(now.Add(6 * time.Minute))
		if err != nil || len(again) != batch {
			t.Fatalf("claimed %d, %v", len(again), err)
		}
		back := now.Add(7 * time.Minute)
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.ReleaseOutboxItems(ctx, again, back) }); err != nil {
			t.Fatal(err)
		}
		due, err := st.DueOutboxItems(ctx, "mail.", back, items)
		if err != nil {
			t.Fatal(err)
		}
		dueIDs := map[uint]bool{}
		for _, it := range due {
			dueIDs[it.ID] = true
		}
		for _, it := range again {
			if !dueIDs[it.ID] {
				t.Errorf("item %d given back is not due at once", it.ID)
			}
		}
	})
}
