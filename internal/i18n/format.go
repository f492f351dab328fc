package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var (
	monthsDE   = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monthsEN   = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdaysDE = [...]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}
	weekdaysEN = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// Money formats cents as euros the way the language writes them: "1.234,50 €" or "€1,234.50".
func (t *Translator) Money(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	euros, rest := cents/100, cents%100
	if t.Lang == "en" {
		return fmt.Sprintf("%s€%s.%02d", sign, groupThousands(euros, ","), rest)
	}
	return fmt.Sprintf("%s%s,%02d\u00a0€", sign, groupThousands(euros, "."), rest)
}

func groupThousands(n int64, sep string) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Date formats a day: "Di., 12. Januar 2027" or "Tue, 12 January 2027".
func (t *Translator) Date(at time.Time) string {
	if t.Lang == "en" {
		return fmt.Sprintf("%s, %d %s %d", weekdaysEN[at.Weekday()], at.Day(), monthsEN[at.Month()-1], at.Year())
	}
	return fmt.Sprintf("%s., %d. %s %d", weekdaysDE[at.Weekday()], at.Day(), monthsDE[at.Month()-1], at.Year())
}

// Day formats a calendar day the way documents (invoices, credit notes, certificates) write it:
// "12.01.2027" or "12 January 2027" — English readers misread 01.12. as a month first.
func (t *Translator) Day(at time.Time) string { return Day(t.Lang, at) }

// Day is Translator.Day for code that has a language but no translator (invoice line texts).
func Day(lang string, at time.Time) string {
	if lang == "en" {
		return fmt.Sprintf("%d %s %d", at.Day(), monthsEN[at.Month()-1], at.Year())
	}
	return at.Format("02.01.2006")
}

// Zone names the time zone of times shown for the moment at, in words a reader knows: "deutscher
// Zeit, MESZ" or "German time, CEST" for Europe/Berlin, else the zone's abbreviation ("EST").
// The IANA name (Europe/Berlin) reads like a technical setting, and MEZ/MESZ changes with the date.
func (t *Translator) Zone(loc *time.Location, at time.Time) string {
	abbr := at.In(loc).Format("MST")
	if loc.String() != "Europe/Berlin" {
		return abbr
	}
	if t.Lang != "en" {
		abbr = map[string]string{"CET": "MEZ", "CEST": "MESZ"}[abbr]
	}
	return t.T("zone.germany", "Abbr", abbr)
}

// Time formats a time of day: "09:00".
func (t *Translator) Time(at time.Time) string { return at.Format("15:04") }

// Month formats a month: "Januar 2027".
func (t *Translator) Month(at time.Time) string {
	if t.Lang == "en" {
		return fmt.Sprintf("%s %d", monthsEN[at.Month()-1], at.Year())
	}
	return fmt.Sprintf("%s %d", monthsDE[at.Month()-1], at.Year())
}

// DateRange formats a start and end already in local time: one day with times, or a span of days.
func (t *Translator) DateRange(start, end time.Time) string {
	if start.Year() == end.Year() && start.YearDay() == end.YearDay() {
		return fmt.Sprintf("%s, %s–%s", t.Date(start), t.Time(start), t.Time(end))
	}
	return fmt.Sprintf("%s – %s", t.Date(start), t.Date(end))
}

// Duration formats minutes as hours or days of seminar: "1 Tag", "4 Stunden", "2 Tage".
func (t *Translator) Duration(minutes int) string {
	const day = 8 * 60
	if minutes >= day && minutes%day == 0 {
		return t.T("duration_days", "Count", minutes/day)
	}
	hours := float64(minutes) / 60
	if minutes%60 == 0 {
		return t.T("duration_hours", "Count", minutes/60)
	}
	return t.T("duration_hours", "Count", fmt.Sprintf("%.1f", hours))
}

// Percent writes basis points as a percentage the way the language writes it: "12,5 %" or "12.5%".
func Percent(lang string, bp int) string {
	p := strconv.FormatFloat(float64(bp)/100, 'f', -1, 64)
	if lang == "en" {
		return p + "%"
	}
	return strings.Replace(p, ".", ",", 1) + "\u00a0%"
}

// Percent writes basis points as a percentage in the translator's language.
func (t *Translator) Percent(bp int) string { return Percent(t.Lang, bp) }
