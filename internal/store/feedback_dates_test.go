package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestFeedbackDatePage: a seminar's per-date results come a page at a time, earliest date
// first, each with the sums of its answers, and count every date with answers (not the dates
// without any, nor the demo's examples, which belong to no date).
func TestFeedbackDatePage(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		sem := model.Seminar{Slug: "fb", TitleDE: "Fb", TitleEN: "Fb", FunctionList: "hr", DurationMinutes: 480, DefaultPriceCents: 1, Published: true}
		// Created out of order, so that id order is not date order.
		for _, days := range []int{-30, -90, -60, -10} {
			start := clk.Now().AddDate(0, 0, days)
			sem.Dates = append(sem.Dates, model.SeminarDate{StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 10, PriceNetCents: 1,
				Format: model.FormatOnline, Status: model.DatePublished})
		}
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			if err := tx.CreateSeminar(ctx, &sem); err != nil {
				return err
			}
			answer := func(dateID *uint, content int, example bool) error {
				at := clk.Now()
				f := &model.Feedback{SeminarID: sem.ID, DateID: dateID, AnsweredAt: &at,
					ContentRating: content, TrainerRating: 4, OrganisationRating: 4, Comment: fmt.Sprint(content)}
				if example {
					return tx.AddExampleFeedback(ctx, f)
				}
				return tx.SaveFeedbackAnswer(ctx, f)
			}
			// Answers on the -30, -90 and -60 day dates (one, two, three); none on the last.
			for i, n := range []int{1, 2, 3} {
				for j := range n {
					if err := answer(&sem.Dates[i].ID, 1+j, false); err != nil {
						return err
					}
				}
			}
			return answer(nil, 5, true)
		})
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name          string
			offset, limit int
			want          []string // days before now: count, content sum
		}{
			{"first page, earliest first", 0, 2, []string{"-90: 2, 3", "-60: 3, 6"}},
			{"second page", 2, 2, []string{"-30: 1, 1"}},
			{"past the end", 4, 2, []string{}},
			{"no rows asked for", 0, 0, []string{}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				rows, total, err := st.FeedbackDatePage(ctx, sem.ID, tc.offset, tc.limit)
				if err != nil || total != 3 {
					t.Fatalf("total %d, %v; want 3 dates with answers", total, err)
				}
				got := []string{}
				for _, r := range rows {
					days := int(r.Date.StartsAt.Sub(clk.Now()).Hours() / 24)
					got = append(got, fmt.Sprintf("%d: %d, %d", days, r.Count, r.ContentSum))
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			})
		}
	})
}
