package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"seminars/internal/demo"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkFeedbackOverview is the back office's feedback overview over n seminars with answers
// (four dates, three answers each): it showed every seminar with a few queries each; it reads a
// page of 50 in a constant number of queries.
// Run: go test ./internal/web -run '^$' -bench BenchmarkFeedbackOverview -benchtime 20x
func BenchmarkFeedbackOverview(b *testing.B) {
	for _, db := range storetest.Databases {
		for _, n := range []int{20, 200} {
			b.Run(fmt.Sprintf("%s/%d", db.Name, n), func(b *testing.B) {
				env := benchAdminEnv(b, db.Open(b))
				seedOverviewSeminars(b, env.st, n)
				owner := env.signedIn("owner@example.com")
				for b.Loop() {
					if res, _ := owner.get("/admin/feedback"); res.StatusCode != http.StatusOK {
						b.Fatalf("status %d", res.StatusCode)
					}
				}
			})
		}
	}
}

// BenchmarkCompetenceResult is the competence check's result over the demo catalogue plus n
// seminars with four dates each.
// Run: go test ./internal/web -run '^$' -bench BenchmarkCompetenceResult -benchtime 20x
func BenchmarkCompetenceResult(b *testing.B) {
	for _, db := range storetest.Databases {
		for _, n := range []int{0, 500} {
			b.Run(fmt.Sprintf("%s/%d", db.Name, n), func(b *testing.B) {
				env := benchAdminEnv(b, db.Open(b))
				if _, err := demo.Seed(context.Background(), env.st, env.st.Now(), storetest.Berlin()); err != nil {
					b.Fatal(err)
				}
				seedCompetenceCatalogue(b, env.st, env.st.Now(), n)
				visitor := env.browser()
				for b.Loop() {
					if res, _ := visitor.get("/kompetenz-check?" + competenceResultQuery); res.StatusCode != http.StatusOK {
						b.Fatalf("status %d", res.StatusCode)
					}
				}
			})
		}
	}
}

// seedOverviewSeminars adds n seminars with four past dates and three answers on each.
func seedOverviewSeminars(b *testing.B, st *store.Store, n int) {
	ctx := context.Background()
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		for i := range n {
			sem := model.Seminar{Slug: fmt.Sprintf("ov-%d", i), TitleDE: fmt.Sprintf("Übersicht %04d", i), TitleEN: "Overview",
				FunctionList: "hr", DurationMinutes: 480, DefaultPriceCents: 1, Published: true}
			for d := range 4 {
				start := st.Now().AddDate(0, 0, -10*(d+1))
				sem.Dates = append(sem.Dates, model.SeminarDate{StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 10,
					PriceNetCents: 1, Format: model.FormatOnline, Status: model.DatePublished})
			}
			if err := tx.CreateSeminar(ctx, &sem); err != nil {
				return err
			}
			for d := range sem.Dates {
				for j := range 3 {
					at := st.Now().Add(-time.Duration(d*3+j) * time.Minute)
					f := &model.Feedback{SeminarID: sem.ID, DateID: &sem.Dates[d].ID, AnsweredAt: &at, ContentRating: 1 + j,
						TrainerRating: 4, OrganisationRating: 3, Comment: "ok", QuoteConsent: j == 0}
					if err := tx.SaveFeedbackAnswer(ctx, f); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// seedCompetenceCatalogue adds n seminars over the business functions, every seventh
// unpublished, with dates in the past, cancelled, unlisted and upcoming out of id order.
func seedCompetenceCatalogue(t testing.TB, st *store.Store, now time.Time, n int) {
	t.Helper()
	ctx := context.Background()
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		for i := range n {
			fs := model.BusinessFunctions
			list := fs[i%len(fs)] + "," + fs[(i*3+1)%len(fs)]
			if i%5 == 0 {
				list = "x" + fs[i%len(fs)] // looks like a key, is none
			}
			sem := model.Seminar{Slug: fmt.Sprintf("big-%d", i), TitleDE: fmt.Sprintf("Groß %d", i), TitleEN: "Big", FunctionList: list,
				DurationMinutes: 480, DefaultPriceCents: 1, Published: i%7 != 3}
			for d, days := range []int{-40, 30 + i%4, 12 + i%9, 50} {
				start := now.AddDate(0, 0, days)
				date := model.SeminarDate{StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: 10, PriceNetCents: 1,
					Format: model.FormatOnline, Status: model.DatePublished}
				switch {
				case d == 2 && i%3 == 0:
					date.Status = model.DateCancelled
				case d == 2 && i%4 == 1:
					date.Unlisted = true
				case i%6 == 5 && d > 0:
					date.StartsAt, date.EndsAt = now.AddDate(0, 0, -days), now.AddDate(0, 0, -days).Add(time.Hour)
				}
				sem.Dates = append(sem.Dates, date)
			}
			if err := tx.CreateSeminar(ctx, &sem); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
