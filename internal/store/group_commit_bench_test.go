package store_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkWriteTx compares 64 concurrent writers, each committing one small transaction (a
// seat taken, an outbox row) per op, on SQLite with synchronous=FULL: through the group-commit
// writer, and one commit per transaction on the bare writer connection, as WithTx was before
// (store.DirectTx). members/batch says how many transactions shared one commit.
func BenchmarkWriteTx(b *testing.B) {
	cases := []struct {
		name string
		with func(st *store.Store) func(context.Context, func(*store.Tx) error) error
	}{
		{"group", func(st *store.Store) func(context.Context, func(*store.Tx) error) error { return st.WithTx }},
		{"one_commit_each", func(st *store.Store) func(context.Context, func(*store.Tx) error) error {
			return func(ctx context.Context, fn func(*store.Tx) error) error { return store.DirectTx(st, ctx, fn) }
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			st := storetest.SQLite(b)
			ctx := context.Background()
			d := storetest.SeedDate(b, st, storetest.DateOptions{Capacity: 1 << 30})
			with := c.with(st)
			var n atomic.Int64
			before := st.GroupStats()
			b.SetParallelism(32) // 64 writers on 2 cores
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					key := strconv.FormatInt(n.Add(1), 10)
					err := with(ctx, func(tx *store.Tx) error {
						if err := tx.TakeSeats(ctx, d.ID, 1); err != nil {
							return err
						}
						return tx.Enqueue(ctx, &model.OutboxItem{Topic: "mail.event", Key: key, NextAttemptAt: st.Now()})
					})
					if err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			if g := st.GroupStats(); g.Batches > before.Batches {
				b.ReportMetric(float64(g.Members-before.Members)/float64(g.Batches-before.Batches), "members/batch")
			}
		})
	}
}
