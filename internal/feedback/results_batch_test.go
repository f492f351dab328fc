package feedback_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"seminars/internal/feedback"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestResultsBatchedMatchPerSeminar: Results reads every seminar's page in a constant number of
// queries (issue 16) and gives what the former per-seminar reads gave, on seminars with several
// dates, quotes, examples, and one without answers.
func TestResultsBatchedMatchPerSeminar(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		var seminarIDs []uint
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			for s := range 5 {
				sem := model.Seminar{Slug: fmt.Sprintf("fb-%d", s), TitleDE: fmt.Sprintf("Fb %d", 5-s), TitleEN: "Fb", FunctionList: "hr",
					DurationMinutes: 480, DefaultPriceCents: 1, Published: true}
				for d := range 4 {
					start := clk.Now().AddDate(0, 0, -10*(d*3%4+1)-s)
					sem.Dates = append(sem.Dates, model.SeminarDate{StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 10,
						PriceNetCents: 1, Format: model.FormatOnline, Status: model.DatePublished})
				}
				if err := tx.CreateSeminar(ctx, &sem); err != nil {
					return err
				}
				seminarIDs = append(seminarIDs, sem.ID)
				if s == 4 {
					continue // no answers
				}
				for d := range 4 - s%3 {
					for j := range d + s + 1 {
						at := clk.Now().Add(-time.Duration(s*10+d*3+j) * time.Minute)
						f := &model.Feedback{SeminarID: sem.ID, DateID: &sem.Dates[d].ID, AnsweredAt: &at, ContentRating: 1 + j%5,
							TrainerRating: 1 + (j+d)%5, OrganisationRating: 1 + s%5, Comment: fmt.Sprintf("c%d%d%d", s, d, j), QuoteConsent: j%2 == 0}
						if err := tx.SaveFeedbackAnswer(ctx, f); err != nil {
							return err
						}
					}
				}
				at := clk.Now()
				if err := tx.AddExampleFeedback(ctx, &model.Feedback{SeminarID: sem.ID, AnsweredAt: &at, ContentRating: 5,
					TrainerRating: 5, OrganisationRating: 5, Comment: "Beispiel", QuoteConsent: true}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		svc := feedback.New(st, feedback.Settings{Days: surveyDays}, clk.Now)
		cases := []struct {
			name    string
			seminar uint
			page    feedback.Page
		}{
			{"overview: first page of dates", 0, feedback.Page{DatesLimit: 500}},
			{"overview: small pages", 0, feedback.Page{Answers: store.AnswerPage{Limit: 2}, DatesLimit: 2}},
			{"api: second page of quotes and dates", 0, feedback.Page{Answers: store.AnswerPage{Offset: 2, Limit: 2, QuotesOnly: true}, DatesOffset: 2, DatesLimit: 2}},
			{"api: past the end", 0, feedback.Page{Answers: store.AnswerPage{Offset: 100, Limit: 5, QuotesOnly: true}, DatesOffset: 100, DatesLimit: 5}},
			{"one seminar, its answers", seminarIDs[1], feedback.Page{Answers: store.AnswerPage{Offset: 1, Limit: 3}, DatesOffset: 1, DatesLimit: 3}},
			{"one seminar without answers", seminarIDs[4], feedback.Page{Answers: store.AnswerPage{Limit: 3}, DatesLimit: 3}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := svc.Results(ctx, tc.seminar, tc.page)
				if err != nil {
					t.Fatal(err)
				}
				want := perSeminarResults(t, st, got, tc.page)
				if len(got) == 0 || !reflect.DeepEqual(got, want) {
					t.Errorf("batched results differ from per-seminar reads:\ngot  %+v\nwant %+v", got, want)
				}
			})
		}
	})
}

// perSeminarResults redoes the former per-seminar reads of Results for the seminars and sums
// got has (the tallies' query was one grouped query already).
func perSeminarResults(t *testing.T, st *store.Store, got []feedback.SeminarResult, page feedback.Page) []feedback.SeminarResult {
	t.Helper()
	ctx := context.Background()
	want := make([]feedback.SeminarResult, 0, len(got))
	for _, g := range got {
		r := feedback.SeminarResult{Seminar: g.Seminar, Summary: g.Summary, Examples: g.Examples, Quotes: g.Quotes}
		dates, total, err := st.FeedbackDatePage(ctx, g.Seminar.ID, page.DatesOffset, page.DatesLimit)
		if err != nil {
			t.Fatal(err)
		}
		r.DatesTotal = int(total)
		for _, d := range dates {
			r.Dates = append(r.Dates, feedback.DateResult{Date: d.Date, Summary: model.SummaryOfSums(d.Count, d.ContentSum, d.TrainerSum, d.OrganisationSum)})
		}
		r.Answers, r.AnswersTotal = []model.Feedback{}, r.Summary.Count
		if page.Answers.QuotesOnly {
			r.AnswersTotal = r.Quotes
		}
		if page.Answers.Limit > 0 && page.Answers.Offset < r.AnswersTotal {
			if r.Answers, err = st.AnsweredFeedbackPage(ctx, g.Seminar.ID, page.Answers); err != nil {
				t.Fatal(err)
			}
		}
		var ids []uint
		for _, f := range r.Answers {
			if f.DateID != nil {
				ids = append(ids, *f.DateID)
			}
		}
		if r.AnswerDates, err = st.DatesByIDs(ctx, ids); err != nil {
			t.Fatal(err)
		}
		want = append(want, r)
	}
	return want
}
