package web

import (
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/store"
)

// catalogueFilter narrows the catalogue by business function, format, city and month (YYYY-MM in
// the display zone). Empty fields do not filter. Unknown values simply match nothing.
type catalogueFilter struct {
	Function string
	Format   string
	City     string
	Month    string
}

func filterFromQuery(c echo.Context) catalogueFilter {
	return catalogueFilter{
		Function: c.QueryParam("function"), Format: c.QueryParam("format"),
		City: c.QueryParam("city"), Month: c.QueryParam("month"),
	}
}

// Active tells whether any filter is set.
func (f catalogueFilter) Active() bool { return f != catalogueFilter{} }

func (f catalogueFilter) matchesDate(d model.SeminarDate, loc *time.Location) bool {
	return (f.Format == "" || d.Format == f.Format) &&
		(f.City == "" || d.City == f.City) &&
		(f.Month == "" || d.StartsAt.In(loc).Format("2006-01") == f.Month)
}

// apply returns the seminars that match, each with only its matching dates. With a date filter
// set, a seminar without a matching date is left out.
func (f catalogueFilter) apply(seminars []model.Seminar, loc *time.Location) []model.Seminar {
	var out []model.Seminar
	dateFilter := f.Format != "" || f.City != "" || f.Month != ""
	for _, s := range seminars {
		if f.Function != "" && !s.HasFunction(f.Function) {
			continue
		}
		var dates []model.SeminarDate
		for _, d := range s.Dates {
			if f.matchesDate(d, loc) {
				dates = append(dates, d)
			}
		}
		if dateFilter && len(dates) == 0 {
			continue
		}
		s.Dates = dates
		out = append(out, s)
	}
	return out
}

// filterOptions are the choices the filter form offers, taken from the whole catalogue.
type filterOptions struct {
	Functions []string
	Cities    []string
	Months    []time.Time // first day of each month with a date, in the display zone
}

// storeFilter is the filter as the store's SQL reads it: the month becomes its instants in loc
// (a month that is not YYYY-MM matches nothing, as it matches no date's month).
func (f catalogueFilter) storeFilter(loc *time.Location) store.CatalogueFilter {
	out := store.CatalogueFilter{Function: f.Function, Format: f.Format, City: f.City}
	if f.Month != "" {
		first, err := time.ParseInLocation("2006-01", f.Month, loc)
		if err != nil || first.Format("2006-01") != f.Month {
			out.NoMatch = true
			return out
		}
		out.From, out.Until = first, first.AddDate(0, 1, 0)
	}
	return out
}
