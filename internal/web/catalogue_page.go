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
	Number, Count int // this page (from 1) and how many there are
	Total         int // matching seminars on all pages
	// HasPrev and HasNext tell whether there are neighbours; PrevQuery and NextQuery are their
	// query strings ("?...&page=N", "" for the first page without filters).
	HasPrev, HasNext     bool
	PrevQuery, NextQuery string
	// MoreDates is how many upcoming dates a seminar has beyond those its card lists, by seminar.
	MoreDates map[uint]int
}

// pageNumber reads ?page=N; anything that is not a page number is the first page.
func pageNumber(raw string) int {
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// paginate cuts the matching seminars to page number (past the last page: the last page) and
// each seminar's dates to catalogueDatesShown.
func paginate(seminars []model.Seminar, filter catalogueFilter, number int) ([]model.Seminar, cataloguePage) {
	p := cataloguePage{Total: len(seminars), Count: max(1, (len(seminars)+cataloguePageSize-1)/cataloguePageSize)}
	p.Number = min(number, p.Count)
	from := (p.Number - 1) * cataloguePageSize
	shown := append([]model.Seminar(nil), seminars[from:min(from+cataloguePageSize, len(seminars))]...)
	p.MoreDates = map[uint]int{}
	for i := range shown {
		if extra := len(shown[i].Dates) - catalogueDatesShown; extra > 0 {
			p.MoreDates[shown[i].ID] = extra
			shown[i].Dates = shown[i].Dates[:catalogueDatesShown]
		}
	}
	p.HasPrev, p.HasNext = p.Number > 1, p.Number < p.Count
	p.PrevQuery, p.NextQuery = filter.query(p.Number-1), filter.query(p.Number+1)
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
