package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestSeminarsAPIPagedMatchesWhole: a page of the seminars API is cut in SQL and the default
// answer is filtered in Go; on a mixed catalogue, on both databases, every filter gives the same
// seminars with the same dates both ways (one page of 100 holds them all).
func TestSeminarsAPIPagedMatchesWhole(t *testing.T) {
	// A date at 22:30 UTC on the last of a month is the next month in Berlin.
	start := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	functions := []string{"hr", "marketing,sales", "customer_service", "it_privacy,hr", ""}
	cities := []string{"Berlin", "München", ""}
	queries := []string{"", "?function=hr", "?function=sales", "?function=customer", "?function=hr,sales", "?format=online",
		"?format=in_person", "?city=M%C3%BCnchen", "?city=Hamburg", "?month=2026-04", "?month=2026-05", "?month=2026-4",
		"?month=2026-13", "?function=hr&format=in_person&month=2026-04", "?city=Berlin&month=2026-03"}
	for _, db := range storetest.Databases {
		t.Run(db.Name, func(t *testing.T) {
			clk := storetest.NewClockAt(t, start)
			env := newAdminEnvAt(t, db.OpenAt(t, clk), clk)
			err := env.st.WithTx(context.Background(), func(tx *store.Tx) error {
				for i := range 12 {
					s := model.Seminar{Slug: fmt.Sprintf("mixed-%02d", i), TitleDE: fmt.Sprintf("Gemischt %02d", i), TitleEN: fmt.Sprintf("Mixed %02d", i),
						FunctionList: functions[i%len(functions)], DurationMinutes: 480, DefaultPriceCents: 49000, Published: true}
					for j := range i % 7 {
						at := time.Date(2026, 3, 31, 22, 30, 0, 0, time.UTC).AddDate(0, 0, 9*j-i)
						d := model.SeminarDate{StartsAt: at, EndsAt: at.Add(8 * time.Hour), Capacity: 10, PriceNetCents: 49000,
							Format: model.FormatInPerson, City: cities[(i+j)%len(cities)], Status: model.DatePublished}
						if d.City == "" {
							d.Format, d.OnlineURL = model.FormatOnline, "https://meet.example.com/x"
						}
						s.Dates = append(s.Dates, d)
					}
					if err := tx.CreateSeminar(context.Background(), &s); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			nonEmpty := 0
			for _, q := range queries {
				t.Run(q, func(t *testing.T) {
					_, whole, _ := env.getWith("/api/v1/seminars" + q)
					sep := "?"
					if q != "" {
						sep = "&"
					}
					status, paged, _ := env.getWith("/api/v1/seminars" + q + sep + "per_page=100")
					if strings.Contains(whole, `"slug":`) {
						nonEmpty++
					}
					if status != 200 || paged != whole {
						t.Errorf("paged (%d):\n%s\nwhole:\n%s", status, paged, whole)
					}
				})
			}
			if nonEmpty < 9 {
				t.Errorf("only %d of the filters matched anything: the catalogue does not test them", nonEmpty)
			}
		})
	}
}
