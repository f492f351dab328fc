package web

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// seedFeedbackAnswers stores n answers on date, one per seat-holding attendee, answered an hour
// apart ("Antwort 1" first): content i, trainer 4, organisation 3 or 4, a quote on odd i.
func seedFeedbackAnswers(t *testing.T, st *store.Store, date model.SeminarDate, n int) {
	t.Helper()
	ctx := context.Background()
	attendees, _, _, err := st.AttendeesOfDatePage(ctx, date.ID, 0, n)
	if err != nil || len(attendees) < n {
		t.Fatalf("%d attendees, %v; want %d", len(attendees), err, n)
	}
	for i := 1; i <= n; i++ {
		attendee, dateID, at := attendees[i-1].ID, date.ID, st.Now().Add(time.Duration(i)*time.Hour)
		f := model.Feedback{AttendeeID: &attendee, DateID: &dateID, SeminarID: date.SeminarID, AnsweredAt: &at,
			ContentRating: i, TrainerRating: 4, OrganisationRating: 3 + i%2, Comment: fmt.Sprintf("Antwort %d", i)}
		if i%2 == 1 {
			f.QuoteConsent, f.QuoteSignature = true, fmt.Sprintf("Person %d", i)
		}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveFeedbackAnswer(ctx, &f) }); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFeedbackResultsPages pages a seminar's survey answers in the back office (500 a page) and
// its quotes in the admin API (1,000 a page): newest first, links to the neighbours, a page past
// the end redirected to the last (the API: empty), unreadable paging parameters redirected away
// (the API: 422) — and the counts and averages are those of every answer on every page.
func TestFeedbackResultsPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		date := seedBulkHistory(t, st, 7, 7)[0] // six seat-holding attendees
		seedFeedbackAnswers(t, st, date, 5)     // content 1..5 (average 3.0), organisation 4,3,4,3,4 (3.6)
		owner, token := env.signedIn("owner@example.com"), env.token(model.RoleAssistant)
		base := fmt.Sprintf("/admin/feedback?seminar=%d", date.SeminarID)
		all := []string{"<td>5</td>", "<td>3,0</td>", "<td>3,6</td>"} // every page sums up all five answers
		with := func(extra ...string) []string { return append(append([]string{}, all...), extra...) }
		checkPagedPages(t, owner, "/admin/feedback", []pagedPageCase{
			{name: "first page", query: base[len("/admin/feedback"):] + "&per_page=2",
				want: with("Antwort 5", "Antwort 4", `rel="next"`, "Seite 1 von 3 (5 insgesamt)"), notWant: []string{"Antwort 3", `rel="prev"`}},
			{name: "last page", query: base[len("/admin/feedback"):] + "&per_page=2&page=3",
				want: with("Antwort 1", `rel="prev"`, "Seite 3 von 3 (5 insgesamt)"), notWant: []string{"Antwort 2", `rel="next"`}},
			{name: "page past the end: the last page", query: base[len("/admin/feedback"):] + "&per_page=2&page=9",
				location: fmt.Sprintf("/admin/feedback?page=3&per_page=2&seminar=%d", date.SeminarID), want: with("Antwort 1"), notWant: []string{"Antwort 2"}},
			{name: "unreadable page: the list without it", query: base[len("/admin/feedback"):] + "&page=abc",
				location: base, want: with("Antwort 5", "Antwort 1"), notWant: []string{`rel="next"`}},
			{name: "overview: the sums, no answers", query: "", want: all, notWant: []string{"Antwort 5"}},
		})
		quotes := func(t *testing.T, raw []byte) string {
			var out struct {
				Seminars []struct {
					Count    int `json:"count"`
					Averages struct {
						Content, Organisation float64
					} `json:"averages"`
					Dates       []struct{ Count int }   `json:"dates"`
					DatesTotal  int                     `json:"dates_total"`
					QuotesTotal int                     `json:"quotes_total"`
					Quotes      []struct{ Text string } `json:"quotes"`
				} `json:"seminars"`
			}
			if err := json.Unmarshal(raw, &out); err != nil || len(out.Seminars) != 1 {
				t.Fatalf("%v: %s", err, raw)
			}
			s := out.Seminars[0]
			texts := []string{}
			for _, q := range s.Quotes {
				texts = append(texts, q.Text)
			}
			dates := []int{}
			for _, d := range s.Dates {
				dates = append(dates, d.Count)
			}
			return fmt.Sprintf("%d answers, dates %v of %d, %.1f, %.1f, %d quotes: %v", s.Count, dates, s.DatesTotal, s.Averages.Content, s.Averages.Organisation, s.QuotesTotal, texts)
		}
		// The dates are paged with the quotes: the one date with answers is on the first page.
		sums := "5 answers, dates [5] of 1, 3.0, 3.6, 3 quotes: "
		later := "5 answers, dates [] of 1, 3.0, 3.6, 3 quotes: "
		checkPagedAPI(t, env, fmt.Sprintf("/api/v1/admin/feedback?seminar_id=%d", date.SeminarID), token, quotes, []pagedAPICase{
			{name: "all on one page", status: 200, rows: sums + "[Antwort 5 Antwort 3 Antwort 1]", total: 3},
			{name: "first of two", query: "&per_page=2", status: 200, rows: sums + "[Antwort 5 Antwort 3]", total: 3, next: 2},
			{name: "last of two", query: "&per_page=2&page=2", status: 200, rows: later + "[Antwort 1]", total: 3},
			{name: "past the end: no quotes or dates, the same sums", query: "&per_page=2&page=7", status: 200, rows: later + "[]", total: 3},
			{name: "page not a number", query: "&page=eins", status: 422, invalid: []string{"page"}},
			{name: "more than a page holds", query: "&per_page=1001", status: 422, invalid: []string{"per_page"}},
		})
		checkPagedAPI(t, env, "/api/v1/admin/feedback", token, quotes, []pagedAPICase{
			{name: "every seminar, one quote each a page", query: "?per_page=1", status: 200, rows: sums + "[Antwort 5]", total: 3, next: 2},
			{name: "every seminar, bad page", query: "?page=-1", status: 422, invalid: []string{"page"}},
		})
	})
}
