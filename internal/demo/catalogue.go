// Package demo seeds a demo catalogue of social-media-competence seminars on an empty database,
// so that a fresh installation shows a realistic offer instead of an empty page.
//
// The texts live in seminars_*.go; this file turns them into dated runs. All dates are computed
// from the time passed in, so the same now always yields the same catalogue (tests and
// screenshots stay stable) and the demo never shows dates in the past.
package demo

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Working hours of a seminar day in Berlin local time; a full day is 480 minutes.
const (
	dayStartHour   = 9
	dayEndHour     = 17
	fullDayMinutes = (dayEndHour - dayStartHour) * 60
)

// course is one seminar's texts and offer before its runs are put on the calendar.
type course struct {
	seminar model.Seminar // without Dates; Catalogue adds them
	runs    []run
}

// run describes one date of a course relative to today.
type run struct {
	after          int    // earliest start in days from today (Berlin); moved to the next free Tue–Thu
	city           string // key of venues; "" means online
	capacity       int
	taken          int // seats already sold, so the demo shows "2 Plätze frei" and "ausgebucht"
	earlyBirdWeeks int // early-bird price until the end of today + this many weeks; 0 = none
	// minimum is the date's minimum of confirmed seats (0 = none); confirmed marks it as
	// confirmed by the trainer, so the demo shows a guaranteed date and one below its minimum.
	minimum   int
	confirmed bool
}

// venue is where in-person runs take place in a city.
type venue struct {
	name    string
	address string
}

// venues are invented conference locations at plausible addresses, one per city the trainer visits.
var venues = map[string]venue{
	"Berlin":            {"Konferenzhaus Spreeufer", "Stralauer Platz 34, 10243 Berlin"},
	"Hamburg":           {"Tagungszentrum am Hafen", "Am Sandtorkai 48, 20457 Hamburg"},
	"München":           {"Seminarhotel Isarblick", "Zweibrückenstraße 12, 80331 München"},
	"Köln":              {"Rheinforum Tagungshaus", "Agrippinawerft 22, 50678 Köln"},
	"Frankfurt am Main": {"Mainufer Konferenzzentrum", "Untermainkai 20, 60329 Frankfurt am Main"},
	"Stuttgart":         {"Tagungsetage Stadtmitte", "Königstraße 20, 70173 Stuttgart"},
	"Düsseldorf":        {"Konferenzloft MedienHafen", "Speditionstraße 15, 40221 Düsseldorf"},
	"Leipzig":           {"Tagungshaus am Markt", "Markt 10, 04109 Leipzig"},
}

// courses lists every demo seminar in catalogue order.
func courses() []course {
	var all []course
	all = append(all, foundationCourses()...)
	all = append(all, marketCourses()...)
	all = append(all, governanceCourses()...)
	return all
}

// Catalogue returns the demo seminars with their dates, relative to now: every date lies in the
// future (roughly one to eight months ahead), starts on a Tuesday to Thursday at 09:00 Berlin time
// and ends at 17:00 on its last day (half-day online seminars end after their duration). Times are
// stored in UTC. A nil berlin falls back to UTC so a missing time-zone database cannot stop the demo.
func Catalogue(now time.Time, berlin *time.Location) []model.Seminar {
	if berlin == nil {
		berlin = time.UTC
	}
	local := now.In(berlin)
	today := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, berlin)
	cal := calendar{busy: map[string]bool{}}

	all := courses()
	out := make([]model.Seminar, 0, len(all))
	for _, c := range all {
		s := c.seminar
		s.Published = true
		s.Questions = questionsFor(s.Slug)
		s.Dates = make([]model.SeminarDate, 0, len(c.runs))
		hasInPerson := false
		for _, r := range c.runs {
			hasInPerson = hasInPerson || r.city != ""
		}
		for i, r := range c.runs {
			s.Dates = append(s.Dates, c.date(i, r, today, hasInPerson, &cal))
		}
		out = append(out, s)
	}
	return out
}

// date builds the i-th run of a course, booking its days in the trainer's calendar.
func (c course) date(i int, r run, today time.Time, hasInPerson bool, cal *calendar) model.SeminarDate {
	s := c.seminar
	days := (s.DurationMinutes + fullDayMinutes - 1) / fullDayMinutes
	first := cal.book(today.AddDate(0, 0, r.after), days)
	starts := at(first, dayStartHour)
	ends := starts.Add(time.Duration(s.DurationMinutes) * time.Minute)
	if s.DurationMinutes >= fullDayMinutes {
		// Multi-day seminars run 09:00–17:00 each day, so the end is 17:00 on the last day,
		// not start + duration.
		ends = at(first.AddDate(0, 0, days-1), dayEndHour)
	}

	price := s.DefaultPriceCents
	if r.city == "" && hasInPerson {
		// No venue or catering costs online, so the same seminar is a little cheaper there.
		price = tenPercentOff(price)
	}
	d := model.SeminarDate{
		StartsAt:        starts.UTC(),
		EndsAt:          ends.UTC(),
		Capacity:        r.capacity,
		SeatsTaken:      r.taken,
		PriceNetCents:   price,
		Status:          model.DatePublished,
		MinParticipants: r.minimum,
	}
	if r.confirmed {
		confirmedAt := today.UTC()
		d.RunConfirmedAt = &confirmedAt
	}
	if r.earlyBirdWeeks > 0 {
		last := today.AddDate(0, 0, 7*r.earlyBirdWeeks)
		until := time.Date(last.Year(), last.Month(), last.Day(), 23, 59, 59, 0, last.Location()).UTC()
		d.EarlyBirdNetCents = tenPercentOff(price)
		d.EarlyBirdUntil = &until
	}
	if r.city == "" {
		d.Format = model.FormatOnline
		d.OnlineURL = fmt.Sprintf("https://meet.example.com/smk-%s-%d", s.Slug, i+1)
		return d
	}
	v, ok := venues[r.city]
	if !ok {
		// The course tables are fixed source code, so an unknown city is a programming error.
		panic("demo: no venue for city " + r.city)
	}
	d.Format = model.FormatInPerson
	d.City = r.city
	d.Venue = v.name
	d.Address = v.address
	return d
}

// at returns the given hour on a day, in the day's location.
func at(day time.Time, hour int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), hour, 0, 0, 0, day.Location())
}

// tenPercentOff returns a price about 10 % lower, rounded down to whole 10 EUR so it looks like a
// price a person would set.
func tenPercentOff(cents int64) int64 {
	const tenEuros = 1000
	return cents * 9 / 10 / tenEuros * tenEuros
}

// Seed inserts Catalogue(now, berlin) when the store has no seminar yet and reports whether it
// did. Counting and inserting share one write transaction, so a failed insert leaves no half
// catalogue behind. Instances starting at once call it under the store's start-up lock
// (Store.WithStartupLock), so only the first finds the database empty; without the lock, on
// PostgreSQL the unique slug index would make a later one fail and roll back.
func Seed(ctx context.Context, st *store.Store, now time.Time, berlin *time.Location) (bool, error) {
	seeded := false
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		n, err := tx.CountSeminars(ctx)
		if err != nil {
			return fmt.Errorf("demo: count seminars: %w", err)
		}
		if n > 0 {
			return nil // never mix demo data into a real catalogue
		}
		venueIDs, people, err := seedPeople(ctx, tx)
		if err != nil {
			return err
		}
		bySlug := map[string]uint{}
		var taken []model.SeminarDate // dates with seats to put bookings behind, after the past one's
		for i, s := range Catalogue(now, berlin) {
			for j := range s.Dates {
				if id, ok := venueIDs[s.Dates[j].City]; ok && s.Dates[j].Format == model.FormatInPerson {
					s.Dates[j].VenueID = &id
				}
			}
			if err := tx.CreateSeminar(ctx, &s); err != nil {
				return fmt.Errorf("demo: create seminar %s: %w", s.Slug, err)
			}
			for _, d := range s.Dates {
				if err := tx.SetDateTrainers(ctx, d.ID, dateTrainers(people, i, d)); err != nil {
					return fmt.Errorf("demo: trainers of %s: %w", s.Slug, err)
				}
				if d.SeatsTaken > 0 {
					taken = append(taken, d)
				}
			}
			bySlug[s.Slug] = s.ID
			if i == 0 {
				if err := seedMaterials(ctx, tx, s, now, berlin); err != nil {
					return err
				}
			}
		}
		attendees := 0 // numbers the demo attendees across dates
		for _, d := range taken {
			if err := seedTakenSeats(ctx, tx, d, &attendees, now); err != nil {
				return fmt.Errorf("demo: bookings of date %d: %w", d.ID, err)
			}
		}
		if err := seedExampleFeedback(ctx, tx, bySlug, now); err != nil {
			return err
		}
		seeded = true
		return nil
	})
	if err != nil {
		return false, err
	}
	return seeded, nil
}
