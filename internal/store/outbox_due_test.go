package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// errRollback ends a transaction a test only looks through.
var errRollback = errors.New("rolled back on purpose")

// TestDueIsWhatCanBeClaimed: in every state an outbox item can be in, it is listed as due
// (DueOutboxItems) exactly when a worker can claim it (ClaimDueOutboxItems), in the same order
// and up to the same limit.
func TestDueIsWhatCanBeClaimed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := st.Now().UTC().Truncate(time.Second)
		const leaseLen = 5 * time.Minute
		enqueue := func(tx *store.Tx, key string, topic model.Topic, status string, at time.Time) (model.OutboxItem, error) {
			item := model.OutboxItem{Topic: topic, Key: key, Status: status, NextAttemptAt: at}
			return item, tx.Enqueue(ctx, &item)
		}
		// claimAt enqueues an item due long ago and claims it alone at at (nothing else of its
		// topic is due then).
		claimAt := func(tx *store.Tx, key string, at time.Time) ([]model.OutboxItem, error) {
			if _, err := enqueue(tx, key, "mail.claimed", "", now.Add(-time.Hour)); err != nil {
				return nil, err
			}
			got, err := tx.ClaimDueOutboxItems(ctx, "mail.claimed", at, 10, leaseLen)
			if err == nil && len(got) != 1 {
				err = fmt.Errorf("claimed %d items for %s, want 1", len(got), key)
			}
			return got, err
		}
		cases := []struct {
			name  string
			setUp func(tx *store.Tx, key string) error
			due   bool
		}{
			{"pending, due now", func(tx *store.Tx, key string) error {
				_, err := enqueue(tx, key, model.TopicMailSend, "", now)
				return err
			}, true},
			{"pending, due an hour ago", func(tx *store.Tx, key string) error {
				_, err := enqueue(tx, key, model.TopicMailEvent, "", now.Add(-time.Hour))
				return err
			}, true},
			{"pending, due a second from now", func(tx *store.Tx, key string) error {
				_, err := enqueue(tx, key, model.TopicMailSend, "", now.Add(time.Second))
				return err
			}, false},
			{"leased, lease running", func(tx *store.Tx, key string) error {
				_, err := claimAt(tx, key, now.Add(-time.Minute))
				return err
			}, false},
			{"leased, lease ran out", func(tx *store.Tx, key string) error {
				_, err := claimAt(tx, key, now.Add(-leaseLen-time.Second))
				return err
			}, true},
			{"leased, then given back", func(tx *store.Tx, key string) error {
				got, err := claimAt(tx, key, now.Add(-time.Minute))
				if err != nil {
					return err
				}
				return tx.ReleaseOutboxItems(ctx, got, now.Add(-30*time.Second))
			}, true},
			{"failed once, backoff running", func(tx *store.Tx, key string) error {
				item, err := enqueue(tx, key, model.TopicMailSend, "", now.Add(-time.Hour))
				if err != nil {
					return err
				}
				return tx.MarkOutboxRetry(ctx, item, errors.New("421 later"), now.Add(-10*time.Second))
			}, false},
			{"failed once, backoff over", func(tx *store.Tx, key string) error {
				item, err := enqueue(tx, key, model.TopicMailSend, "", now.Add(-time.Hour))
				if err != nil {
					return err
				}
				return tx.MarkOutboxRetry(ctx, item, errors.New("421 later"), now.Add(-model.OutboxBackoff(1)))
			}, true},
			{"done", func(tx *store.Tx, key string) error {
				item, err := enqueue(tx, key, model.TopicMailSend, "", now.Add(-time.Hour))
				if err != nil {
					return err
				}
				return tx.MarkOutboxDone(ctx, item.ID, now.Add(-time.Minute))
			}, false},
			{"parked as failed", func(tx *store.Tx, key string) error {
				item, err := enqueue(tx, key, model.TopicMailSend, "", now.Add(-time.Hour))
				if err != nil {
					return err
				}
				return tx.ParkOutboxItem(ctx, item, errors.New("550 no such user"), now.Add(-time.Minute))
			}, false},
			{"parked, then resent", func(tx *store.Tx, key string) error {
				item, err := enqueue(tx, key, model.TopicMailSend, model.OutboxFailed, now.Add(-time.Hour))
				if err != nil {
					return err
				}
				return tx.ResendOutboxItem(ctx, item.ID, now.Add(-time.Second))
			}, true},
			{"another worker's topic", func(tx *store.Tx, key string) error {
				_, err := enqueue(tx, key, model.TopicStripeRefund, "", now.Add(-time.Hour))
				return err
			}, false},
		}
		for i, tc := range cases {
			key := fmt.Sprintf("due-case-%d", i)
			if err := st.WithTx(ctx, func(tx *store.Tx) error { return tc.setUp(tx, key) }); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
		}
		for _, limit := range []int{len(cases), 3} {
			t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
				listed, err := st.DueOutboxItems(ctx, "mail.", now, limit)
				if err != nil {
					t.Fatal(err)
				}
				var claimed []model.OutboxItem
				err = st.WithTx(ctx, func(tx *store.Tx) (err error) {
					if claimed, err = tx.ClaimDueOutboxItems(ctx, "mail.", now, limit, leaseLen); err != nil {
						return err
					}
					return errRollback // look, do not take
				})
				if !errors.Is(err, errRollback) {
					t.Fatal(err)
				}
				if got, want := keys(listed), keys(claimed); !slices.Equal(got, want) {
					t.Errorf("listed as due %v, claimed %v", got, want)
				}
				if limit < len(cases) {
					return
				}
				isListed := map[string]bool{}
				for _, it := range listed {
					isListed[it.Key] = true
				}
				for i, tc := range cases {
					if key := fmt.Sprintf("due-case-%d", i); isListed[key] != tc.due {
						t.Errorf("%s: due = %v, want %v", tc.name, isListed[key], tc.due)
					}
				}
			})
		}
	})
}

// TestReleaseOutboxItems: claimed items given back are due at once — more of them than one
// statement's IN list binds, from two claims with different leases — while an item whose
// lease is no longer the one given (claimed again after it ran out, or done meanwhile) is left
// as it is.
func TestReleaseOutboxItems(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := st.Now().UTC().Truncate(time.Second)
		const leaseLen = 5 * time.Minute
		many := store.MaxInList + 7
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			for i := range many + 2 {
				if err := tx.Enqueue(ctx, &model.OutboxItem{Topic: model.TopicMailSend, Key: fmt.Sprintf("release:%d", i), NextAttemptAt: now.Add(-time.Hour)}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		claim := func(at time.Time, limit int) []model.OutboxItem {
			t.Helper()
			var got []model.OutboxItem
			err := st.WithTx(ctx, func(tx *store.Tx) (err error) {
				got, err = tx.ClaimDueOutboxItems(ctx, model.TopicMailSend, at, limit, leaseLen)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		first := claim(now.Add(-10*time.Minute), many-1) // its lease ran out 5 minutes ago
		second := claim(now.Add(-time.Minute), 3)        // the last three, leased until now+4m
		retaken := claim(now, 2)                         // the first claim's two oldest, claimed again
		if len(first) != many-1 || len(second) != 3 || len(retaken) != 2 {
			t.Fatalf("claimed %d, %d, %d", len(first), len(second), len(retaken))
		}
		done := first[2]
		given := append(slices.Clone(first), second...)
		back := now.Add(time.Second)
		err = st.WithTx(ctx, func(tx *store.Tx) error {
			if err := tx.MarkOutboxDone(ctx, done.ID, now); err != nil {
				return err
			}
			return tx.ReleaseOutboxItems(ctx, given, back)
		})
		if err != nil {
			t.Fatal(err)
		}
		items, err := st.ListOutbox(ctx, store.OutboxFilter{Topic: model.TopicMailSend, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		for before := items[len(items)-1].ID; len(items) < many+2; {
			more, err := st.ListOutbox(ctx, store.OutboxFilter{Topic: model.TopicMailSend, Limit: 500, BeforeID: before})
			if err != nil || len(more) == 0 {
				t.Fatalf("%d items listed, %v", len(items), err)
			}
			items, before = append(items, more...), more[len(more)-1].ID
		}
		byID := map[uint]model.OutboxItem{}
		for _, it := range items {
			byID[it.ID] = it
		}
		cases := []struct {
			name   string
			items  []model.OutboxItem
			status string
			next   time.Time
		}{
			{"given back from the first claim", first[3:], model.OutboxPending, back},
			{"given back from the second claim", second, model.OutboxPending, back},
			{"claimed again by another worker", retaken, model.OutboxPending, now.Add(leaseLen)},
			{"done meanwhile", []model.OutboxItem{done}, model.OutboxDone, done.NextAttemptAt},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				for _, it := range tc.items {
					got := byID[it.ID]
					if got.Status != tc.status || !got.NextAttemptAt.Equal(tc.next) {
						t.Fatalf("item %d: %s, next at %s; want %s, next at %s", it.ID, got.Status, got.NextAttemptAt, tc.status, tc.next)
					}
				}
			})
		}
	})
}

func keys(items []model.OutboxItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Key
	}
	return out
}
