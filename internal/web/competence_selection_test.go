package web

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"seminars/internal/demo"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestCompetenceSelection: the check's result reads only the seminars it shows (issue 16) and
// shows what it showed when it read the whole catalogue: the same seminars under each function
// (the first competenceSeminarsShown of them in catalogue order) with the same next date, for
// the demo catalogue (where no function has more) and for a bigger one with unpublished
// seminars, past, cancelled and unlisted dates, and a key that only looks like a function.
func TestCompetenceSelection(t *testing.T) {
	cases := []struct {
		name  string
		extra int // seminars added to the demo's
	}{
		{"demo catalogue", 0},
		{"bigger catalogue", 40},
	}
	functions := model.BusinessFunctions
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				if _, err := demo.Seed(ctx, st, clk.Now(), storetest.Berlin()); err != nil {
					t.Fatal(err)
				}
				seedCompetenceCatalogue(t, st, clk.Now(), tc.extra)
				catalogue, err := st.Catalogue(ctx, clk.Now())
				if err != nil {
					t.Fatal(err)
				}
				matches, err := st.CompetenceSeminars(ctx, functions, clk.Now(), competenceSeminarsShown)
				if err != nil {
					t.Fatal(err)
				}
				var ranked []model.CompetenceGap
				for _, f := range functions {
					ranked = append(ranked, model.CompetenceGap{CompetenceAnswer: model.CompetenceAnswer{Function: f}, Gap: 1})
				}
				got, want := selection(competenceRows(ranked, matches)), wholeCatalogueSelection(ranked, catalogue)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("selection differs from the whole catalogue's:\ngot  %v\nwant %v", got, want)
				}
				if full := wholeCatalogueSelection(ranked, catalogue); tc.extra > 0 && len(full["marketing"]) < competenceSeminarsShown {
					t.Errorf("the bigger catalogue has %d seminars for marketing; it should reach the limit", len(full["marketing"]))
				}
				if tc.extra == 0 {
					for _, sem := range catalogue {
						for _, f := range sem.Functions() {
							if len(want[f]) >= competenceSeminarsShown {
								t.Errorf("the demo has %d seminars for %s; the limit would change its result", len(want[f]), f)
							}
						}
					}
				}
			})
		})
	}
}

// selection is each function's seminars as "seminar id/next date id".
func selection(rows []competenceRow) map[string][]string {
	out := map[string][]string{}
	for _, r := range rows {
		out[r.Function] = []string{}
		for _, s := range r.Seminars {
			next := uint(0)
			if s.Next != nil {
				next = s.Next.ID
			}
			out[r.Function] = append(out[r.Function], fmt.Sprintf("%d/%d", s.Seminar.ID, next))
		}
	}
	return out
}

// wholeCatalogueSelection is the former selection: every published seminar of the catalogue
// with its earliest upcoming date, in catalogue order, cut to what the page shows.
func wholeCatalogueSelection(ranked []model.CompetenceGap, catalogue []model.Seminar) map[string][]string {
	out := map[string][]string{}
	for _, g := range ranked {
		out[g.Function] = []string{}
		for _, sem := range catalogue {
			if !sem.HasFunction(g.Function) || len(out[g.Function]) == competenceSeminarsShown {
				continue
			}
			next := uint(0)
			if len(sem.Dates) > 0 {
				next = sem.Dates[0].ID
			}
			out[g.Function] = append(out[g.Function], fmt.Sprintf("%d/%d", sem.ID, next))
		}
	}
	return out
}
