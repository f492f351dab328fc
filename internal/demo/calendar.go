package demo

import "time"

// calendar is the single trainer's diary: one seminar per day, so no two runs overlap.
type calendar struct {
	busy map[string]bool // keyed by Berlin date "2006-01-02"
}

// book reserves the first run of days consecutive weekdays starting on a Tuesday, Wednesday or
// Thursday on or after from, and returns its first day. Mondays and Fridays stay free for travel
// and preparation, and a two-day seminar starting on Thursday still ends before the weekend.
func (c *calendar) book(from time.Time, days int) time.Time {
	for d := from; ; d = d.AddDate(0, 0, 1) {
		if c.free(d, days) {
			for i := 0; i < days; i++ {
				c.busy[dayKey(d.AddDate(0, 0, i))] = true
			}
			return d
		}
	}
}

// free tells whether a run of days starting on start fits the trainer's week and diary.
func (c *calendar) free(start time.Time, days int) bool {
	switch start.Weekday() {
	case time.Tuesday, time.Wednesday, time.Thursday:
	default:
		return false
	}
	for i := 0; i < days; i++ {
		d := start.AddDate(0, 0, i)
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || holiday(d) || c.busy[dayKey(d)] {
			return false
		}
	}
	return true
}

func dayKey(d time.Time) string { return d.Format("2006-01-02") }

// holiday tells whether a day is no day for a seminar: a public holiday in at least one of the
// federal states the trainer visits (attendees travel across state borders, so one list for all
// cities is simpler and safe), or the quiet weeks around Christmas and New Year when nobody books.
func holiday(d time.Time) bool {
	switch m, day := d.Month(), d.Day(); {
	case m == time.January && day <= 6, m == time.December && day >= 22:
		return true
	case m == time.May && day == 1, m == time.October && (day == 3 || day == 31), m == time.November && day == 1:
		return true
	}
	switch d.YearDay() - easter(d.Year()).YearDay() {
	case -2, 1, 39, 50, 60: // Good Friday, Easter Monday, Ascension, Whit Monday, Corpus Christi
		return true
	}
	return false
}

// easter returns Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), in UTC; only
// its day of the year is used.
func easter(year int) time.Time {
	a, b, c := year%19, year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
