package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// TestBackOfficeQueriesUseIndexes reads SQLite's plan of the back office's list and dashboard
// queries: each must walk an index (no full scan of bookings, no sort of all of them), so the
// page costs the same at 500 and at 500,000 bookings.
func TestBackOfficeQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	bounds := []time.Time{now.AddDate(0, -2, 0), now.AddDate(0, -1, 0), now}
	cases := []struct {
		name  string
		query func(Reads) *gorm.DB
		want  string // a step of the plan
	}{
		{"bookings list, newest first", func(q Reads) *gorm.DB { return q.searchBookingsQuery(ctx, "", 200) },
			"SCAN bookings USING INDEX idx_bookings_created"},
		{"dashboard's monthly sums", func(q Reads) *gorm.DB { return q.bookedByPeriodQuery(ctx, bounds) },
			"SEARCH bookings USING COVERING INDEX idx_bookings_created (created_at>? AND created_at<?)"},
		{"outbox page of one topic", func(q Reads) *gorm.DB {
			return q.outboxQueries(ctx, OutboxFilter{Topic: model.TopicMailSend, Limit: 200, BeforeID: 1000})[0]
		}, "SEARCH outbox_items USING INDEX idx_outbox_topic_id (topic=? AND id<?)"},
		// Sorts the sub-topics' items only: none for a topic without sub-topics.
		{"outbox page of a topic's sub-topics", func(q Reads) *gorm.DB {
			return q.outboxQueries(ctx, OutboxFilter{Topic: model.TopicMailSend, Limit: 200, BeforeID: 1000})[1]
		}, "SEARCH outbox_items USING INDEX idx_outbox_topic_id (topic>? AND topic<?)"},
		{"attendees of one date", func(q Reads) *gorm.DB {
			return q.dateAttendeesQuery(ctx, 1).Limit(100)
		}, "SEARCH b USING COVERING INDEX idx_bookings_date_seats (date_id=? AND status=?)"},
		{"a page of a seminar's answers", func(q Reads) *gorm.DB {
			return q.answersQuery(ctx, 1, AnswerPage{Offset: 500, Limit: 500})
		}, "SEARCH feedback USING INDEX idx_feedback_seminar_answered (seminar_id=?"},
		{"a page of a seminar's quotes", func(q Reads) *gorm.DB {
			return q.answersQuery(ctx, 1, AnswerPage{Limit: 1000, QuotesOnly: true})
		}, "SEARCH feedback USING INDEX idx_feedback_seminar_answered (seminar_id=?"},
	}
	sorts := map[string]bool{"attendees of one date": true, "outbox page of a topic's sub-topics": true}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stmt := c.query(st.Reads).Session(&gorm.Session{DryRun: true}).Find(&[]map[string]any{}).Statement
			var steps []struct {
				ID, Parent, Notused int
				Detail              string
			}
			if err := st.read.Raw("EXPLAIN QUERY PLAN "+stmt.SQL.String(), stmt.Vars...).Scan(&steps).Error; err != nil {
				t.Fatal(err)
			}
			var plan []string
			for _, s := range steps {
				plan = append(plan, s.Detail)
			}
			joined := strings.Join(plan, "\n")
			if !strings.Contains(joined, c.want) || strings.Contains(joined, "TEMP B-TREE FOR ORDER BY") && !sorts[c.name] {
				t.Fatalf("plan of\n%s\n---\n%s\nwant a step %q", stmt.SQL.String(), joined, c.want)
			}
		})
	}
}
