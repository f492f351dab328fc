package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkAdminFeedback is GET /admin/feedback?seminar={id} as a signed-in owner over 2,000 and
// 20,000 answers of one seminar, on SQLite (and PostgreSQL when SEMINARS_TEST_POSTGRES is set):
// the page shows 500 answers and the sums of all, so it must not grow with the answers.
// Run: go test ./internal/web -run '^$' -bench BenchmarkAdminFeedback -benchtime 10x -benchmem
func BenchmarkAdminFeedback(b *testing.B) {
	for _, db := range storetest.Databases {
		for _, n := range []int{2000, 20000} {
			b.Run(fmt.Sprintf("%s/%d", db.Name, n), func(b *testing.B) {
				env := benchAdminEnv(b, db.Open(b))
				date := seedBulkHistory(b, env.st, n*10/7+10, n*10/7+10)[0] // 7 in 10 hold seats
				seedBenchAnswers(b, env.st, date, n)
				owner := env.signedIn("owner@example.com")
				path := fmt.Sprintf("/admin/feedback?seminar=%d", date.SeminarID)
				for b.Loop() {
					if res, _ := owner.get(path); res.StatusCode != http.StatusOK {
						b.Fatalf("status %d", res.StatusCode)
					}
				}
			})
		}
	}
}

// seedBenchAnswers stores n answers on date, one per seat-holding attendee, in one transaction.
func seedBenchAnswers(b *testing.B, st *store.Store, date model.SeminarDate, n int) {
	ctx := context.Background()
	attendees, _, _, err := st.AttendeesOfDatePage(ctx, date.ID, 0, n)
	if err != nil || len(attendees) < n {
		b.Fatalf("%d attendees, %v; want %d", len(attendees), err, n)
	}
	err = st.WithTx(ctx, func(tx *store.Tx) error {
		for i, a := range attendees {
			attendee, dateID, at := a.ID, date.ID, st.Now().Add(-time.Duration(i)*time.Minute)
			f := model.Feedback{AttendeeID: &attendee, DateID: &dateID, SeminarID: date.SeminarID, AnsweredAt: &at,
				ContentRating: 1 + i%5, TrainerRating: 4, OrganisationRating: 3, Comment: fmt.Sprintf("Antwort %d", i),
				QuoteConsent: i%3 == 0, QuoteSignature: "Person"}
			if err := tx.SaveFeedbackAnswer(ctx, &f); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
