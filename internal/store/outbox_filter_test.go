package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestListOutboxTopicFilter: a topic filter lists the topic and its dotted sub-topics, newest
// first, and nothing that merely starts with the same letters; "_" and "%" in it are plain
// characters.
func TestListOutboxTopicFilter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := st.Now()
		// In the order enqueued, so a later one is newer; topics of one family are interleaved.
		topics := []model.Topic{"mail", "mail.send", "mailbox", "mail.event", "mail.send.retry", "mail_x.y", "mailx.y",
			"stripe.refund", "a_b.c", "axb.c", "a%b", "a%b.c", "stripe.expire_session", "mail.send", "document.render", "MAIL.send"}
		ids := map[model.Topic][]uint{}
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			for i, topic := range topics {
				item := model.OutboxItem{Topic: topic, Key: fmt.Sprintf("filter:%d", i), NextAttemptAt: now}
				if err := tx.Enqueue(ctx, &item); err != nil {
					return err
				}
				ids[topic] = append(ids[topic], item.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name   string
			filter model.Topic
			limit  int
			want   []model.Topic // every item of these topics, newest first (cut to limit)
		}{
			{"no filter", "", 0, topics},
			{"a family", "mail", 0, []model.Topic{"mail", "mail.send", "mail.event", "mail.send.retry"}},
			{"a family with a trailing dot", "mail.", 0, []model.Topic{"mail", "mail.send", "mail.event", "mail.send.retry"}},
			{"a topic and its sub-topic", "mail.send", 0, []model.Topic{"mail.send", "mail.send.retry"}},
			{"a sub-topic alone", "mail.send.retry", 0, []model.Topic{"mail.send.retry"}},
			{"a longer word is another family", "mailbox", 0, []model.Topic{"mailbox"}},
			{"the Stripe family", model.TopicsStripe, 0, []model.Topic{"stripe.refund", "stripe.expire_session"}},
			{"an underscore is itself", "a_b", 0, []model.Topic{"a_b.c"}},
			{"a percent sign is itself", "a%b", 0, []model.Topic{"a%b", "a%b.c"}},
			{"a percent sign is no wildcard", "a%", 0, nil},
			{"an underscore is no wildcard", "mail_", 0, nil},
			{"the start of a word is no family", "ma", 0, nil},
			{"case counts", "Mail", 0, nil},
			{"a dot alone", ".", 0, nil},
			{"a family, one page", "mail", 3, []model.Topic{"mail", "mail.send", "mail.event", "mail.send.retry"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				items, err := st.ListOutbox(ctx, store.OutboxFilter{Topic: tc.filter, Limit: tc.limit})
				if err != nil {
					t.Fatal(err)
				}
				var want []uint
				for _, topic := range tc.want {
					want = append(want, ids[topic]...)
				}
				slices.Sort(want)
				want = slices.Compact(want) // a topic named twice in tc.want
				slices.Reverse(want)
				if tc.limit > 0 {
					want = want[:min(len(want), tc.limit)]
				}
				got := make([]uint, len(items))
				for i, it := range items {
					got[i] = it.ID
				}
				if !slices.Equal(got, want) {
					t.Errorf("ids %v, want %v", got, want)
				}
			})
		}
	})
}
