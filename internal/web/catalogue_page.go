package web

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

const (
	// cataloguePageSize is how many seminars one catalogue page lists: a screenful or two a person
	// reads, however large the catalogue grows.
	cataloguePageSize = 20
	// catalogueDatesShown is how many upcoming dates a seminar's card lists; its page has them all.
	catalogueDatesShown = 4
)

// cataloguePage is one page of the filtered catalogue, with the links to its neighbours.
type cataloguePage struct {
	Pager pager // Total counts the matching seminars on all pages
	// MoreDates is how many upcoming dates a seminar has beyond those its card lists, by seminar.
	MoreDates map[uint]int
}

// cataloguePageOf reads page number (past the last page: the last page, which a cached public
// page shows rather than redirecting) of the seminars filter matches, each with at most
// catalogueDatesShown dates, and the links to its neighbours in lang's URLs. It counts and pages
// in SQL, so a page costs the same however large the catalogue grows.
func (s *Server) cataloguePageOf(ctx context.Context, filter catalogueFilter, number int, lang string, now time.Time) ([]model.Seminar, cataloguePage, error) {
	sf := filter.storeFilter(s.cfg.Location)
	total, err := s.store.CountCatalogue(ctx, sf, now)
	if err != nil {
		return nil, cataloguePage{}, err
	}
	pages := max(1, int((total+cataloguePageSize-1)/cataloguePageSize))
	r := pageRequest{Page: min(number, pages), PerPage: cataloguePageSize}
	got, err := s.store.CatalogueSlice(ctx, sf, now, store.CatalogueSlice{Offset: r.offset(), Limit: r.PerPage, DatesPerSeminar: catalogueDatesShown})
	if err != nil {
		return nil, cataloguePage{}, err
	}
	link := func(n int) string { return localized(lang, "/"+filter.query(n)) }
	p := cataloguePage{Pager: pagerWith("pager", r, total, link), MoreDates: map[uint]int{}}
	for _, sem := range got.Seminars {
		if extra := got.DatesTotal[sem.ID] - len(sem.Dates); extra > 0 {
			p.MoreDates[sem.ID] = extra
		}
	}
	return got.Seminars, p, nil
}

// query is the catalogue's query string for the filter on page number (1 leaves page out).
func (f catalogueFilter) query(number int) string {
	v := url.Values{}
	for name, value := range map[string]string{"function": f.Function, "format": f.Format, "city": f.City, "month": f.Month} {
		if value != "" {
			v.Set(name, value)
		}
	}
	if number > 1 {
		v.Set("page", strconv.Itoa(number))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}
