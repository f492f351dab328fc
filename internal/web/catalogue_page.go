package web

import (
	"net/url"
	"strconv"

	"seminars/internal/model"
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

// paginate cuts the matching seminars to page r (past the last page: the last page, which a
// cached public page shows rather than redirecting) and each seminar's dates to
// catalogueDatesShown. The neighbours' links are in lang's URLs.
func paginate(seminars []model.Seminar, filter catalogueFilter, r pageRequest, lang string) ([]model.Seminar, cataloguePage) {
	link := func(n int) string { return localized(lang, "/"+filter.query(n)) }
	pages := max(1, (len(seminars)+cataloguePageSize-1)/cataloguePageSize)
	r = pageRequest{Page: min(r.Page, pages), PerPage: cataloguePageSize}
	p := cataloguePage{Pager: pagerWith("pager", r, int64(len(seminars)), link), MoreDates: map[uint]int{}}
	from := r.offset()
	shown := append([]model.Seminar(nil), seminars[from:min(from+cataloguePageSize, len(seminars))]...)
	for i := range shown {
		if extra := len(shown[i].Dates) - catalogueDatesShown; extra > 0 {
			p.MoreDates[shown[i].ID] = extra
			shown[i].Dates = shown[i].Dates[:catalogueDatesShown]
		}
	}
	return shown, p
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
