package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// CatalogueFilter narrows the public catalogue as its page and the seminars API do. Empty fields
// do not filter. A seminar is in when it addresses Function and, with a date filter set (Format,
// City or a month), has an upcoming date matching all of them; its dates are then only those.
type CatalogueFilter struct {
	Function     string
	Format, City string
	// From and Until bound the month filter (From inclusive, Until exclusive); zero: no month.
	From, Until time.Time
	// NoMatch is set for a filter value that cannot match (an unreadable month): nothing is in.
	NoMatch bool
}

func (f CatalogueFilter) hasDateFilter() bool {
	return f.Format != "" || f.City != "" || !f.From.IsZero()
}

// CatalogueSlice asks for one page of the filtered catalogue.
type CatalogueSlice struct {
	Offset, Limit int
	// DatesPerSeminar is how many of each seminar's matching dates to load, earliest first; 0
	// loads them all.
	DatesPerSeminar int
}

// CataloguePage is one page of the filtered catalogue.
type CataloguePage struct {
	// Seminars are the page's seminars in id order, each with its questions and the first
	// DatesPerSeminar of its matching upcoming dates (seats filled).
	Seminars []model.Seminar
	// DatesTotal counts each seminar's matching upcoming dates, loaded or not.
	DatesTotal map[uint]int
}

// upcomingDateWhere is upcomingDates as a condition on the dates aliased d.
const upcomingDateWhere = "d.status = ? AND d.starts_at > ? AND d.unlisted = ?"

// catalogueDates narrows db (over seminar_dates AS d) to the upcoming dates f matches.
func catalogueDates(db *gorm.DB, f CatalogueFilter, now time.Time) *gorm.DB {
	db = db.Where(upcomingDateWhere, model.DatePublished, now.UTC(), false)
	if f.Format != "" {
		db = db.Where("d.format = ?", f.Format)
	}
	if f.City != "" {
		db = db.Where("d.city = ?", f.City)
	}
	if !f.From.IsZero() {
		db = db.Where("d.starts_at >= ? AND d.starts_at < ?", f.From.UTC(), f.Until.UTC())
	}
	return db
}

// catalogueSeminars is the query of the published seminars f matches (over seminars AS s).
func (q Reads) catalogueSeminars(ctx context.Context, f CatalogueFilter, now time.Time) *gorm.DB {
	db := q.db.WithContext(ctx).Table("seminars AS s").Where("s.published = ?", true)
	if f.Function != "" {
		// Exact membership in the comma-separated list, as model.Seminar.HasFunction reads it.
		find := "instr(',' || s.function_list || ',', ?) > 0"
		if q.postgres() {
			find = "strpos(',' || s.function_list || ',', ?) > 0"
		}
		db = db.Where(find, ","+f.Function+",")
	}
	if f.hasDateFilter() {
		dates := catalogueDates(q.db.Table("seminar_dates AS d").Select("1").Where("d.seminar_id = s.id"), f, now)
		db = db.Where("EXISTS (?)", dates)
	}
	return db
}

// noMatch tells whether f can match no seminar at all, so that no query need run.
func (f CatalogueFilter) noMatch() bool {
	return f.NoMatch || strings.Contains(f.Function, ",")
}

// CountCatalogue counts the published seminars f matches, in SQL.
func (q Reads) CountCatalogue(ctx context.Context, f CatalogueFilter, now time.Time) (int64, error) {
	if f.noMatch() {
		return 0, nil
	}
	var n int64
	err := q.catalogueSeminars(ctx, f, now).Count(&n).Error
	return n, err
}

// CatalogueSlice returns one page of the seminars f matches (by id) with the dates it asks
// for. It reads only the page's seminars and their dates: the work does not grow with the
// catalogue.
func (q Reads) CatalogueSlice(ctx context.Context, f CatalogueFilter, now time.Time, page CatalogueSlice) (CataloguePage, error) {
	out := CataloguePage{DatesTotal: map[uint]int{}}
	if f.noMatch() || page.Limit <= 0 {
		return out, nil
	}
	var ids []uint
	err := q.catalogueSeminars(ctx, f, now).Order("s.id").Offset(page.Offset).Limit(page.Limit).Pluck("s.id", &ids).Error
	if err != nil || len(ids) == 0 {
		return out, err
	}
	if err := q.db.WithContext(ctx).Preload("Questions", questionOrder).Where("id IN ?", ids).Order("id").Find(&out.Seminars).Error; err != nil {
		return out, err
	}
	dates, err := q.catalogueSliceDates(ctx, f, now, ids, page.DatesPerSeminar)
	if err != nil {
		return out, err
	}
	var counts []struct {
		SeminarID uint
		N         int
	}
	err = catalogueDates(q.db.WithContext(ctx).Table("seminar_dates AS d"), f, now).
		Select("d.seminar_id AS seminar_id, COUNT(*) AS n").Where("d.seminar_id IN ?", ids).
		Group("d.seminar_id").Scan(&counts).Error
	if err != nil {
		return out, err
	}
	for _, c := range counts {
		out.DatesTotal[c.SeminarID] = c.N
	}
	bySeminar := map[uint]*model.Seminar{}
	for i := range out.Seminars {
		bySeminar[out.Seminars[i].ID] = &out.Seminars[i]
	}
	for _, d := range dates {
		if s := bySeminar[d.SeminarID]; s != nil {
			s.Dates = append(s.Dates, d)
		}
	}
	ptrs := make([]*model.Seminar, 0, len(out.Seminars))
	for i := range out.Seminars {
		ptrs = append(ptrs, &out.Seminars[i])
	}
	return out, q.fillSeminarSeats(ctx, ptrs...)
}

// catalogueSliceDates reads the matching upcoming dates of the seminars ids, earliest first, at
// most perSeminar of each (0: all): a window numbers each seminar's dates, so only the dates
// shown leave the database.
func (q Reads) catalogueSliceDates(ctx context.Context, f CatalogueFilter, now time.Time, ids []uint, perSeminar int) ([]model.SeminarDate, error) {
	matching := catalogueDates(q.db.Table("seminar_dates AS d"), f, now).Where("d.seminar_id IN ?", ids)
	var dates []model.SeminarDate
	if perSeminar <= 0 {
		err := matching.WithContext(ctx).Select("d.*").Order("d.seminar_id, d.starts_at, d.id").Find(&dates).Error
		return dates, err
	}
	numbered := matching.Select("d.*, ROW_NUMBER() OVER (PARTITION BY d.seminar_id ORDER BY d.starts_at, d.id) AS date_rank")
	err := q.db.WithContext(ctx).Table("(?) AS ranked", numbered).Select("ranked.*").
		Where("ranked.date_rank <= ?", perSeminar).Order("ranked.seminar_id, ranked.starts_at, ranked.id").Find(&dates).Error
	return dates, err
}

// CatalogueOptions are the choices the catalogue's filter form offers, from every upcoming date
// of the published seminars: the cities (sorted) and the months with a date, as the first
// instant of each month in loc, earliest first.
func (q Reads) CatalogueOptions(ctx context.Context, now time.Time, loc *time.Location) (cities []string, months []time.Time, err error) {
	listed := func() *gorm.DB {
		return q.db.WithContext(ctx).Table("seminar_dates AS d").
			Joins("JOIN seminars s ON s.id = d.seminar_id AND s.published = ?", true).
			Where(upcomingDateWhere, model.DatePublished, now.UTC(), false)
	}
	err = listed().Where("d.city <> ''").Distinct("d.city").Order("d.city").Pluck("d.city", &cities).Error
	if err != nil {
		return nil, nil, err
	}
	// One index step per month with a date (the earliest date from the month's start on),
	// rather than every date's start: the months a person can pick from, not the dates.
	from := now.UTC()
	for {
		var next []time.Time
		err := listed().Where("d.starts_at >= ?", from).Order("d.starts_at").Limit(1).Pluck("d.starts_at", &next).Error
		if err != nil {
			return nil, nil, err
		}
		if len(next) == 0 {
			return cities, months, nil
		}
		local := next[0].In(loc)
		month := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
		months = append(months, month)
		from = month.AddDate(0, 1, 0).UTC()
	}
}

// PublishedSeminars returns the published seminars by id, without dates or questions: for lists
// of the seminars themselves (the sitemap), which need none of their dates.
func (q Reads) PublishedSeminars(ctx context.Context) ([]model.Seminar, error) {
	var out []model.Seminar
	err := q.db.WithContext(ctx).Where("published = ?", true).Order("id").Find(&out).Error
	return out, err
}
