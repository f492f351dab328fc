package web

import (
	"context"
	"fmt"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestFeedbackOverviewPages pages the back office's feedback overview by seminar (by title,
// feedbackOverviewPerPage a page): links to the neighbours, a page past the end redirected to
// the last, an unreadable page to the list without it; a seminar without answers is in none.
func TestFeedbackOverviewPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		ctx := context.Background()
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			for i, title := range []string{"Umfrage C", "Umfrage A", "Umfrage E", "Umfrage B", "Umfrage D", "Ohne Antworten"} {
				sem := model.Seminar{Slug: fmt.Sprintf("umfrage-%d", i), TitleDE: title, TitleEN: title, FunctionList: "hr",
					DurationMinutes: 480, DefaultPriceCents: 1, Published: true}
				if err := tx.CreateSeminar(ctx, &sem); err != nil {
					return err
				}
				if i == 5 {
					continue
				}
				at := st.Now()
				if err := tx.AddExampleFeedback(ctx, &model.Feedback{SeminarID: sem.ID, AnsweredAt: &at, ContentRating: 1 + i,
					TrainerRating: 4, OrganisationRating: 4}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		owner := env.signedIn("owner@example.com")
		checkPagedPages(t, owner, "/admin/feedback", []pagedPageCase{
			{name: "every seminar on the default page", query: "",
				want: []string{">Umfrage A</a>", ">Umfrage E</a>"}, notWant: []string{`rel="next"`, ">Ohne Antworten</a>"}},
			{name: "first page", query: "?per_page=2",
				want: []string{">Umfrage A</a>", ">Umfrage B</a>", `rel="next"`, "Seite 1 von 3 (5 insgesamt)"}, notWant: []string{">Umfrage C</a>", `rel="prev"`}},
			{name: "last page", query: "?per_page=2&page=3",
				want: []string{">Umfrage E</a>", `rel="prev"`, "Seite 3 von 3 (5 insgesamt)"}, notWant: []string{">Umfrage D</a>", `rel="next"`}},
			{name: "page past the end: the last page", query: "?per_page=2&page=9", location: "/admin/feedback?page=3&per_page=2",
				want: []string{">Umfrage E</a>"}, notWant: []string{">Umfrage D</a>"}},
			{name: "unreadable page: the list without it", query: "?page=abc", location: "/admin/feedback",
				want: []string{">Umfrage A</a>", ">Umfrage E</a>"}},
		})
	})
}
