package model

import "time"

// Session is one day of a date: a single-day date has one, a multi-day date one per calendar
// day, each from the start's time of day to the end's (DESIGN "Multi-day dates").
type Session struct {
	Day    string // the calendar day in the display zone, YYYY-MM-DD
	Starts time.Time
	Ends   time.Time
}

// DayLayout is how a session's day is written (and stored with a check-in).
const DayLayout = "2006-01-02"

// Sessions returns the days of the date in loc. A date that spans at most 24 hours, or whose
// end's time of day is not after its start's (an evening running past midnight), is one
// session: the times it states. Anything longer runs each calendar day from the start's clock
// time to the end's; time.Date in loc keeps the clock times across a DST change.
func (d SeminarDate) Sessions(loc *time.Location) []Session {
	start, end := d.StartsAt.In(loc), d.EndsAt.In(loc)
	first := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc)
	last := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, loc)
	startClock := start.Sub(first)
	endClock := end.Sub(last)
	if !end.After(start) || end.Sub(start) <= 24*time.Hour || endClock <= startClock || !last.After(first) {
		return []Session{{Day: start.Format(DayLayout), Starts: d.StartsAt, Ends: d.EndsAt}}
	}
	var out []Session
	for day := first; !day.After(last); day = day.AddDate(0, 0, 1) {
		y, m, dd := day.Date()
		out = append(out, Session{
			Day:    day.Format(DayLayout),
			Starts: time.Date(y, m, dd, start.Hour(), start.Minute(), start.Second(), 0, loc),
			Ends:   time.Date(y, m, dd, end.Hour(), end.Minute(), end.Second(), 0, loc),
		})
	}
	return out
}

// TeachingMinutes is the date's real length: the sum of its sessions (days × daily hours),
// what a certificate of attendance states.
func (d SeminarDate) TeachingMinutes(loc *time.Location) int {
	total := 0
	for _, s := range d.Sessions(loc) {
		total += int(s.Ends.Sub(s.Starts).Minutes())
	}
	return total
}

// CheckInSession returns the session an attendee can be checked in for at time now: the one
// whose calendar day (in loc) it is — people arrive before the start and the trainer may tick
// the list after the end — or, for an evening past midnight, the one still running. Outside
// every session's day there is none.
func (d SeminarDate) CheckInSession(now time.Time, loc *time.Location) (Session, bool) {
	today := now.In(loc).Format(DayLayout)
	for _, s := range d.Sessions(loc) {
		if s.Day == today || (!now.Before(s.Starts) && now.Before(s.Ends)) {
			return s, true
		}
	}
	return Session{}, false
}

// CheckIn records that an attendee was present on one day of a date. One row per attendee,
// date and day; undoing a check-in deletes the row (the audit log keeps both).
type CheckIn struct {
	ID          uint      `gorm:"primaryKey"`
	AttendeeID  uint      `gorm:"not null;uniqueIndex:idx_check_ins_attendee_day"`
	DateID      uint      `gorm:"not null;uniqueIndex:idx_check_ins_attendee_day;index"`
	Day         string    `gorm:"size:10;not null;uniqueIndex:idx_check_ins_attendee_day"`
	CheckedInAt time.Time `gorm:"not null"`
	Actor       string    `gorm:"size:300;not null"`
}
