package accounting

import (
	"time"

	"seminars/internal/model"
)

// Reasons a period is refused; each has a message under "error.<reason>".
const (
	ReasonPeriodDate       model.Reason = "period_date"
	ReasonPeriodOrder      model.Reason = "period_order"
	ReasonPeriodFiscalYear model.Reason = "period_fiscal_year"
)

// Period is a range of whole days in the service's time zone, both ends included.
type Period struct {
	From, To time.Time // midnight of the first and of the last day, in the service's zone
}

// ParsePeriod reads a period from two dates written YYYY-MM-DD. A missing or malformed date, or
// an end before the start, is a *model.FieldError naming the parameter.
func ParsePeriod(from, to string, loc *time.Location) (Period, error) {
	f, err := time.ParseInLocation(time.DateOnly, from, loc)
	if err != nil {
		return Period{}, &model.FieldError{Field: "from", Reason: ReasonPeriodDate}
	}
	t, err := time.ParseInLocation(time.DateOnly, to, loc)
	if err != nil {
		return Period{}, &model.FieldError{Field: "to", Reason: ReasonPeriodDate}
	}
	if t.Before(f) {
		return Period{}, &model.FieldError{Field: "to", Reason: ReasonPeriodOrder}
	}
	return Period{From: f, To: t}, nil
}

// End is the instant the period ends: midnight after its last day.
func (p Period) End() time.Time { return p.To.AddDate(0, 0, 1) }

// Contains tells whether an instant falls on one of the period's days.
func (p Period) Contains(at time.Time) bool { return !at.Before(p.From) && at.Before(p.End()) }

// FiscalYearStart is the first day of the fiscal year a day lies in, the fiscal year starting
// on the first of startMonth.
func FiscalYearStart(day time.Time, startMonth int) time.Time {
	year := day.Year()
	if int(day.Month()) < startMonth {
		year--
	}
	return time.Date(year, time.Month(startMonth), 1, 0, 0, 0, 0, day.Location())
}

// oneFiscalYear refuses a period that crosses the start of a fiscal year: DATEV takes one
// fiscal year per Buchungsstapel (the header names its start).
func (p Period) oneFiscalYear(startMonth int) error {
	if !FiscalYearStart(p.From, startMonth).Equal(FiscalYearStart(p.To, startMonth)) {
		return &model.FieldError{Field: "to", Reason: ReasonPeriodFiscalYear}
	}
	return nil
}
