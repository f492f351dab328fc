package web

import (
	"sort"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
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

func optionsFor(seminars []model.Seminar, loc *time.Location) filterOptions {
	cities := map[string]bool{}
	months := map[string]time.Time{}
	for _, s := range seminars {
		for _, d := range s.Dates {
			if d.City != "" {
				cities[d.City] = true
			}
			local := d.StartsAt.In(loc)
			months[local.Format("2006-01")] = time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
		}
	}
	opts := filterOptions{Functions: model.BusinessFunctions}
	for c := range cities {
		opts.Cities = append(opts.Cities, c)
	}
	sort.Strings(opts.Cities)
	for _, m := range months {
		opts.Months = append(opts.Months, m)
	}
	sort.Slice(opts.Months, func(i, j int) bool { return opts.Months[i].Before(opts.Months[j]) })
	return opts
}
