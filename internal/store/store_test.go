package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestTakeAndReleaseSeats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		cases := []struct {
			name      string
			capacity  int
			taken     int
			take      int
			release   int
			wantTaken int
			wantLeft  int // seats left reported by a sold-out error; -1 when the take succeeds
		}{
			{"take some", 10, 0, 3, 0, 3, -1},
			{"take the last", 10, 7, 3, 0, 10, -1},
			{"one too many", 10, 8, 3, 0, 8, 2},
			{"full", 10, 10, 1, 0, 10, 0},
			{"release gives back", 10, 5, 0, 2, 3, -1},
			{"release never goes below zero", 10, 1, 0, 5, 0, -1},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: c.capacity, SeatsTaken: c.taken})
				err := st.WithTx(ctx, func(tx *store.Tx) error {
					if c.take > 0 {
						if err := tx.TakeSeats(ctx, d.ID, c.take); err != nil {
							return err
						}
					}
					return tx.ReleaseSeats(ctx, d.ID, c.release)
				})
				var soldOut *model.SoldOutError
				switch {
				case c.wantLeft >= 0 && (!errors.As(err, &soldOut) || soldOut.SeatsLeft != c.wantLeft):
					t.Fatalf("err = %v, want sold out with %d left", err, c.wantLeft)
				case c.wantLeft < 0 && err != nil:
					t.Fatal(err)
				}
				after, _ := st.DateByID(ctx, d.ID)
				if after.SeatsTaken != c.wantTaken {
					t.Fatalf("seats taken %d, want %d", after.SeatsTaken, c.wantTaken)
				}
			})
		}
		t.Run("unknown date", func(t *testing.T) {
			err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.TakeSeats(ctx, 987654, 1) })
			if !errors.Is(err, model.ErrNotFound) {
				t.Fatalf("err = %v", err)
			}
		})
	})
}

func TestOutbox(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := st.Now()
		enqueue := func(key string) {
			t.Helper()
			err := st.WithTx(ctx, func(tx *store.Tx) error {
				return tx.Enqueue(ctx, &model.OutboxItem{Topic: "mail.event", Key: key, NextAttemptAt: now})
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		enqueue("a")
		enqueue("a") // the same cause twice is stored once
		enqueue("b")
		due, err := st.DueOutboxItems(ctx, "mail.", now, 10)
		if err != nil || len(due) != 2 {
			t.Fatalf("due = %d, %v", len(due), err)
		}
		if other, _ := st.DueOutboxItems(ctx, "stripe.", now, 10); len(other) != 0 {
			t.Fatalf("topic prefix ignored: %d", len(other))
		}
		err = st.WithTx(ctx, func(tx *store.Tx) error {
			if err := tx.MarkOutboxDone(ctx, due[0].ID, now); err != nil {
				return err
			}
			return tx.MarkOutboxRetry(ctx, due[1], errors.New("421 try later"), now)
		})
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := st.DueOutboxItems(ctx, "mail.", now.Add(29*time.Second), 10); len(again) != 0 {
			t.Fatalf("retried before its backoff: %d", len(again))
		}
		again, _ := st.DueOutboxItems(ctx, "mail.", now.Add(31*time.Second), 10)
		if len(again) != 1 || again[0].Attempts != 1 || again[0].LastError != "421 try later" {
			t.Fatalf("after backoff: %+v", again)
		}
	})
}

func TestBackupRefusesToOverwrite(t *testing.T) {
	st := storetest.SQLite(t)
	path := filepath.Join(t.TempDir(), "b.db")
	if err := st.Backup(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	if err := st.Backup(context.Background(), path); err == nil {
		t.Fatal("second backup overwrote the first")
	}
}
