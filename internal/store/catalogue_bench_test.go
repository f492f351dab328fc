package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// BenchmarkCatalogueRead is what one render of the catalogue's first page reads, at two sizes
// of catalogue (ten upcoming dates per seminar): "whole" is the read before session 23 (every
// seminar with every date, then filtered and cut in Go), "page" the SQL paging (count, 20
// seminars with 4 dates each, the filter options).
//
//	go test ./internal/store -run '^$' -bench BenchmarkCatalogueRead -benchmem
func BenchmarkCatalogueRead(b *testing.B) {
	for _, n := range []int{50, 500} {
		clk := storetest.NewClockAt(b, catalogueNow)
		st := storetest.SQLiteAt(b, clk)
		seedBenchCatalogue(b, st, n, clk.Now())
		ctx, now, berlin := context.Background(), clk.Now(), storetest.Berlin()
		b.Run(fmt.Sprintf("whole/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Catalogue(ctx, now); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("page/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := st.CountCatalogue(ctx, store.CatalogueFilter{}, now); err != nil {
					b.Fatal(err)
				}
				if _, err := st.CatalogueSlice(ctx, store.CatalogueFilter{}, now, store.CatalogueSlice{Limit: 20, DatesPerSeminar: 4}); err != nil {
					b.Fatal(err)
				}
				if _, _, err := st.CatalogueOptions(ctx, now, berlin); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func seedBenchCatalogue(b *testing.B, st *store.Store, n int, now time.Time) {
	b.Helper()
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		for i := range n {
			s := model.Seminar{Slug: fmt.Sprintf("bench-%d", i), TitleDE: "B", TitleEN: "B", FunctionList: "hr,sales",
				DurationMinutes: 480, DefaultPriceCents: 49000, Published: true}
			for j := range 10 {
				start := now.AddDate(0, 0, 7+30*j+i%30)
				s.Dates = append(s.Dates, model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 20,
					PriceNetCents: 49000, Format: model.FormatInPerson, City: []string{"Berlin", "Köln", "München"}[(i+j)%3], Status: model.DatePublished})
			}
			if err := tx.CreateSeminar(context.Background(), &s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
