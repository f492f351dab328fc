package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"seminars/internal/model"
)

// readColumn is one column of a fixed SELECT and the field of T it is scanned into.
type readColumn[T any] struct {
	name   string
	target func(*T) any
}

// readInto reads column name into the field f points to; NULL leaves the field's zero value (nil
// for a pointer field), as GORM's scan does.
func readInto[T, F any](name string, f func(*T) *F) readColumn[T] {
	return readColumn[T]{name: name, target: func(t *T) any { return orZero(f(t)) }}
}

// dateColumns, seminarColumns and venueColumns are every column of their model
// (TestFixedReadColumnsMatchTheModel holds them to the models and to both schemas).
var dateColumns = []readColumn[model.SeminarDate]{
	readInto("id", func(d *model.SeminarDate) *uint { return &d.ID }),
	readInto("seminar_id", func(d *model.SeminarDate) *uint { return &d.SeminarID }),
	readInto("starts_at", func(d *model.SeminarDate) *time.Time { return &d.StartsAt }),
	readInto("ends_at", func(d *model.SeminarDate) *time.Time { return &d.EndsAt }),
	readInto("capacity", func(d *model.SeminarDate) *int { return &d.Capacity }),
	readInto("seats_taken", func(d *model.SeminarDate) *int { return &d.SeatsTaken }),
	readInto("price_net_cents", func(d *model.SeminarDate) *int64 { return &d.PriceNetCents }),
	readInto("early_bird_net_cents", func(d *model.SeminarDate) *int64 { return &d.EarlyBirdNetCents }),
	readInto("early_bird_until", func(d *model.SeminarDate) **time.Time { return &d.EarlyBirdUntil }),
	readInto("format", func(d *model.SeminarDate) *string { return &d.Format }),
	readInto("city", func(d *model.SeminarDate) *string { return &d.City }),
	readInto("venue", func(d *model.SeminarDate) *string { return &d.Venue }),
	readInto("address", func(d *model.SeminarDate) *string { return &d.Address }),
	readInto("venue_id", func(d *model.SeminarDate) **uint { return &d.VenueID }),
	readInto("online_url", func(d *model.SeminarDate) *string { return &d.OnlineURL }),
	readInto("status", func(d *model.SeminarDate) *string { return &d.Status }),
	readInto("sequence", func(d *model.SeminarDate) *int { return &d.Sequence }),
	readInto("min_participants", func(d *model.SeminarDate) *int { return &d.MinParticipants }),
	readInto("run_confirmed_at", func(d *model.SeminarDate) **time.Time { return &d.RunConfirmedAt }),
	readInto("unlisted", func(d *model.SeminarDate) *bool { return &d.Unlisted }),
	readInto("flat_price_net_cents", func(d *model.SeminarDate) *int64 { return &d.FlatPriceNetCents }),
	readInto("created_at", func(d *model.SeminarDate) *time.Time { return &d.CreatedAt }),
	readInto("updated_at", func(d *model.SeminarDate) *time.Time { return &d.UpdatedAt }),
}

var seminarColumns = []readColumn[model.Seminar]{
	readInto("id", func(s *model.Seminar) *uint { return &s.ID }),
	readInto("slug", func(s *model.Seminar) *string { return &s.Slug }),
	readInto("title_de", func(s *model.Seminar) *string { return &s.TitleDE }),
	readInto("title_en", func(s *model.Seminar) *string { return &s.TitleEN }),
	readInto("teaser_de", func(s *model.Seminar) *string { return &s.TeaserDE }),
	readInto("teaser_en", func(s *model.Seminar) *string { return &s.TeaserEN }),
	readInto("description_de", func(s *model.Seminar) *string { return &s.DescriptionDE }),
	readInto("description_en", func(s *model.Seminar) *string { return &s.DescriptionEN }),
	readInto("prepare_de", func(s *model.Seminar) *string { return &s.PrepareDE }),
	readInto("prepare_en", func(s *model.Seminar) *string { return &s.PrepareEN }),
	readInto("function_list", func(s *model.Seminar) *string { return &s.FunctionList }),
	readInto("duration_minutes", func(s *model.Seminar) *int { return &s.DurationMinutes }),
	readInto("default_price_cents", func(s *model.Seminar) *int64 { return &s.DefaultPriceCents }),
	readInto("published", func(s *model.Seminar) *bool { return &s.Published }),
	readInto("funding_approvals", func(s *model.Seminar) *model.FundingApprovals { return &s.FundingApprovals }),
	readInto("certificate_text_de", func(s *model.Seminar) *string { return &s.CertificateTextDE }),
	readInto("certificate_text_en", func(s *model.Seminar) *string { return &s.CertificateTextEN }),
	readInto("group_pricing", func(s *model.Seminar) *string { return &s.GroupPricing }),
	readInto("group_from_seat", func(s *model.Seminar) *int { return &s.GroupFromSeat }),
	readInto("group_percent_bp", func(s *model.Seminar) *int { return &s.GroupPercentBP }),
	readInto("created_at", func(s *model.Seminar) *time.Time { return &s.CreatedAt }),
	readInto("updated_at", func(s *model.Seminar) *time.Time { return &s.UpdatedAt }),
}

var venueColumns = []readColumn[model.Venue]{
	readInto("id", func(v *model.Venue) *uint { return &v.ID }),
	readInto("name", func(v *model.Venue) *string { return &v.Name }),
	readInto("city", func(v *model.Venue) *string { return &v.City }),
	readInto("address", func(v *model.Venue) *string { return &v.Address }),
	readInto("room", func(v *model.Venue) *string { return &v.Room }),
	readInto("directions", func(v *model.Venue) *string { return &v.Directions }),
	readInto("accessibility", func(v *model.Venue) *string { return &v.Accessibility }),
	readInto("map_url", func(v *model.Venue) *string { return &v.MapURL }),
	readInto("created_at", func(v *model.Venue) *time.Time { return &v.CreatedAt }),
	readInto("updated_at", func(v *model.Venue) *time.Time { return &v.UpdatedAt }),
}

// dateToBookSQL reads a date with its seminar and venue in one statement. The joins are LEFT
// joins so that a missing seminar or venue leaves the pointer nil, as the preloads it replaces
// did (the foreign keys make that impossible today).
func dateToBookSQL(postgres bool) string {
	var cols []string
	add := func(alias string, names []string) {
		for _, n := range names {
			cols = append(cols, alias+`."`+n+`"`)
		}
	}
	add("d", readColumnNames(dateColumns))
	add("s", readColumnNames(seminarColumns))
	add("v", readColumnNames(venueColumns))
	param := "?"
	if postgres {
		param = "$1"
	}
	return "SELECT " + strings.Join(cols, ", ") + ` FROM seminar_dates d` +
		` LEFT JOIN seminars s ON s."id" = d."seminar_id"` +
		` LEFT JOIN venues v ON v."id" = d."venue_id"` +
		` WHERE d."id" = ` + param
}

func readColumnNames[T any](cols []readColumn[T]) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

var (
	sqliteDateToBook   = dateToBookSQL(false)
	postgresDateToBook = dateToBookSQL(true)
)

// DateToBook returns a date with its seminar and venue but without counting its confirmed
// seats: the booking transaction needs neither the count nor guaranteed, and runs under the
// write lock, where one more aggregate query per booking costs every booker behind it. The
// venue is what the invoice states as the place, so the booking issues it from this read
// instead of reading the new booking back.
//
// It is one fixed statement scanned by hand (fixed_sql.go): the two or three preloaded GORM
// queries it replaces were a quarter of the writer's time per booking.
func (q Reads) DateToBook(ctx context.Context, id uint) (model.SeminarDate, error) {
	query := sqliteDateToBook
	if q.postgres() {
		query = postgresDateToBook
	}
	var (
		d model.SeminarDate
		s model.Seminar
		v model.Venue
	)
	targets := make([]any, 0, len(dateColumns)+len(seminarColumns)+len(venueColumns))
	for _, c := range dateColumns {
		targets = append(targets, c.target(&d))
	}
	for _, c := range seminarColumns {
		targets = append(targets, c.target(&s))
	}
	for _, c := range venueColumns {
		targets = append(targets, c.target(&v))
	}
	rows, err := q.fixedQuery(ctx, query, id)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return d, err
		}
		return d, fmt.Errorf("date %d: %w", id, model.ErrNotFound)
	}
	if err := rows.Scan(targets...); err != nil {
		return model.SeminarDate{}, err
	}
	if s.ID != 0 {
		d.Seminar = &s
	}
	if v.ID != 0 {
		d.VenueRecord = &v
	}
	return d, rows.Close()
}
