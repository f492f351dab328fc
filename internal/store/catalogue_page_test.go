package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// catalogueNow is the clock of the catalogue tests: late March, so that a date at 22:30 UTC on
// 31 March lies in April in Berlin (summer time) and tests the month filter's zone.
var catalogueNow = time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)

func seedCatalogue(t *testing.T, st *store.Store) {
	t.Helper()
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, time.UTC)
	}
	date := func(start time.Time, format, city string) model.SeminarDate {
		return model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 10, PriceNetCents: 49000,
			Format: format, City: city, Status: model.DatePublished}
	}
	cancelled := date(at(5, 1, 8, 0), model.FormatInPerson, "Köln")
	cancelled.Status = model.DateCancelled
	unlisted := date(at(5, 2, 8, 0), model.FormatInPerson, "Köln")
	unlisted.Unlisted = true
	seminars := []model.Seminar{
		{Slug: "a", FunctionList: "marketing,sales", Published: true, Dates: []model.SeminarDate{
			date(at(4, 10, 8, 0), model.FormatInPerson, "Berlin"), date(at(4, 12, 8, 0), model.FormatOnline, ""),
			date(at(5, 10, 8, 0), model.FormatInPerson, "Berlin"), date(at(6, 10, 8, 0), model.FormatInPerson, "Berlin"),
			date(at(3, 1, 8, 0), model.FormatInPerson, "Berlin"), // past
		}},
		{Slug: "b", FunctionList: "customer_service", Published: true, Dates: []model.SeminarDate{
			date(at(3, 31, 22, 30), model.FormatInPerson, "München"), // 1 April in Berlin
			date(at(3, 25, 8, 0), model.FormatInPerson, "München"),
		}},
		{Slug: "c", FunctionList: "hr", Published: false, Dates: []model.SeminarDate{date(at(7, 1, 8, 0), model.FormatInPerson, "Hamburg")}},
		{Slug: "d", FunctionList: "hr", Published: true},
		{Slug: "e", FunctionList: "pr", Published: true, Dates: []model.SeminarDate{cancelled, unlisted}},
	}
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		for i := range seminars {
			s := &seminars[i]
			s.TitleDE, s.TitleEN, s.DurationMinutes, s.DefaultPriceCents = "T "+s.Slug, "T "+s.Slug, 480, 49000
			published := s.Published
			if err := tx.CreateSeminar(context.Background(), s); err != nil {
				return err
			}
			if !published { // the column's default (true) filled the zero value on insert
				s.Published = false
				if err := tx.UpdateSeminar(context.Background(), s); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCatalogueSliceFilters: the catalogue counted and paged in SQL matches what the page showed
// when it filtered every seminar in Go: the same seminars in id order, each with its matching
// upcoming dates, earliest first, at most DatesPerSeminar loaded and all counted.
func TestCatalogueSliceFilters(t *testing.T) {
	berlin := storetest.Berlin()
	april := time.Date(2026, 4, 1, 0, 0, 0, 0, berlin)
	type want struct {
		slugs  []string
		starts map[string][]string // loaded dates per slug, "MM-DD HH:MM" UTC
		totals map[string]int
	}
	cases := []struct {
		name  string
		f     store.CatalogueFilter
		slice store.CatalogueSlice
		total int64
		want  want
	}{
		{"everything, two dates each", store.CatalogueFilter{}, store.CatalogueSlice{Limit: 10, DatesPerSeminar: 2}, 4, want{
			[]string{"a", "b", "d", "e"},
			map[string][]string{"a": {"04-10 08:00", "04-12 08:00"}, "b": {"03-25 08:00", "03-31 22:30"}},
			map[string]int{"a": 4, "b": 2},
		}},
		{"all dates", store.CatalogueFilter{}, store.CatalogueSlice{Limit: 1}, 4, want{
			[]string{"a"}, map[string][]string{"a": {"04-10 08:00", "04-12 08:00", "05-10 08:00", "06-10 08:00"}}, map[string]int{"a": 4},
		}},
		{"second page", store.CatalogueFilter{}, store.CatalogueSlice{Offset: 1, Limit: 1, DatesPerSeminar: 1}, 4, want{
			[]string{"b"}, map[string][]string{"b": {"03-25 08:00"}}, map[string]int{"b": 2},
		}},
		{"past the end", store.CatalogueFilter{}, store.CatalogueSlice{Offset: 4, Limit: 5}, 4, want{}},
		{"function", store.CatalogueFilter{Function: "sales"}, store.CatalogueSlice{Limit: 10, DatesPerSeminar: 4}, 1, want{
			[]string{"a"}, map[string][]string{"a": {"04-10 08:00", "04-12 08:00", "05-10 08:00", "06-10 08:00"}}, map[string]int{"a": 4},
		}},
		{"function with an underscore", store.CatalogueFilter{Function: "customer_service"}, store.CatalogueSlice{Limit: 10}, 1, want{
			[]string{"b"}, map[string][]string{"b": {"03-25 08:00", "03-31 22:30"}}, map[string]int{"b": 2},
		}},
		{"part of a function matches nothing", store.CatalogueFilter{Function: "sale"}, store.CatalogueSlice{Limit: 10}, 0, want{}},
		{"two functions in one value match nothing", store.CatalogueFilter{Function: "marketing,sales"}, store.CatalogueSlice{Limit: 10}, 0, want{}},
		{"function of a seminar without dates (c is not published)", store.CatalogueFilter{Function: "hr"}, store.CatalogueSlice{Limit: 10}, 1, want{[]string{"d"}, nil, nil}},
		{"format", store.CatalogueFilter{Format: model.FormatOnline}, store.CatalogueSlice{Limit: 10}, 1, want{
			[]string{"a"}, map[string][]string{"a": {"04-12 08:00"}}, map[string]int{"a": 1},
		}},
		{"city", store.CatalogueFilter{City: "München"}, store.CatalogueSlice{Limit: 10}, 1, want{
			[]string{"b"}, map[string][]string{"b": {"03-25 08:00", "03-31 22:30"}}, map[string]int{"b": 2},
		}},
		{"cancelled and unlisted dates are not in", store.CatalogueFilter{City: "Köln"}, store.CatalogueSlice{Limit: 10}, 0, want{}},
		{"month in Berlin's zone", store.CatalogueFilter{From: april, Until: april.AddDate(0, 1, 0)}, store.CatalogueSlice{Limit: 10, DatesPerSeminar: 1}, 2, want{
			[]string{"a", "b"}, map[string][]string{"a": {"04-10 08:00"}, "b": {"03-31 22:30"}}, map[string]int{"a": 2, "b": 1},
		}},
		{"month and city", store.CatalogueFilter{City: "Berlin", From: april, Until: april.AddDate(0, 1, 0)}, store.CatalogueSlice{Limit: 10}, 1, want{
			[]string{"a"}, map[string][]string{"a": {"04-10 08:00"}}, map[string]int{"a": 1},
		}},
		{"no match", store.CatalogueFilter{NoMatch: true}, store.CatalogueSlice{Limit: 10}, 0, want{}},
	}
	storetest.EachAt(t, catalogueNow, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		seedCatalogue(t, st)
		ctx := context.Background()
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				total, err := st.CountCatalogue(ctx, tc.f, clk.Now())
				if err != nil || total != tc.total {
					t.Fatalf("CountCatalogue = %d, %v; want %d", total, err, tc.total)
				}
				got, err := st.CatalogueSlice(ctx, tc.f, clk.Now(), tc.slice)
				if err != nil {
					t.Fatal(err)
				}
				var slugs []string
				starts, totals := map[string][]string{}, map[string]int{}
				for _, s := range got.Seminars {
					slugs = append(slugs, s.Slug)
					for _, d := range s.Dates {
						starts[s.Slug] = append(starts[s.Slug], d.StartsAt.UTC().Format("01-02 15:04"))
						if d.SeatsLeft() != 10 {
							t.Errorf("%s: %d seats left, want 10", s.Slug, d.SeatsLeft())
						}
					}
					if n, ok := got.DatesTotal[s.ID]; ok {
						totals[s.Slug] = n
					}
				}
				if tc.want.starts == nil {
					tc.want.starts = map[string][]string{}
				}
				if tc.want.totals == nil {
					tc.want.totals = map[string]int{}
				}
				if !reflect.DeepEqual(slugs, tc.want.slugs) || !reflect.DeepEqual(starts, tc.want.starts) || !reflect.DeepEqual(totals, tc.want.totals) {
					t.Errorf("got %v %v %v, want %v %v %v", slugs, starts, totals, tc.want.slugs, tc.want.starts, tc.want.totals)
				}
			})
		}
		t.Run("filter options", func(t *testing.T) {
			cities, months, err := st.CatalogueOptions(ctx, clk.Now(), berlin)
			if err != nil {
				t.Fatal(err)
			}
			var gotMonths []string
			for _, m := range months {
				if m.Location() != berlin || m.Day() != 1 || m.Hour() != 0 {
					t.Errorf("month %v is not the first instant of a month in Berlin", m)
				}
				gotMonths = append(gotMonths, m.Format("2006-01"))
			}
			if want := []string{"Berlin", "München"}; !reflect.DeepEqual(cities, want) {
				t.Errorf("cities %v, want %v", cities, want)
			}
			if want := []string{"2026-03", "2026-04", "2026-05", "2026-06"}; !reflect.DeepEqual(gotMonths, want) {
				t.Errorf("months %v, want %v", gotMonths, want)
			}
		})
	})
}
