package model_test

import (
	"testing"
	"time"

	"seminars/internal/model"
)

func TestCheckInSession(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, berlin) }
	threeDays := model.SeminarDate{StartsAt: at(2026, 12, 1, 9, 0).UTC(), EndsAt: at(2026, 12, 3, 17, 0).UTC()}
	evening := model.SeminarDate{StartsAt: at(2026, 12, 31, 20, 0).UTC(), EndsAt: at(2027, 1, 1, 2, 0).UTC()}
	cases := []struct {
		name    string
		date    model.SeminarDate
		now     time.Time
		wantDay string // "" for no check-in
	}{
		{"the evening before", threeDays, at(2026, 11, 30, 23, 59), ""},
		{"early on day one", threeDays, at(2026, 12, 1, 0, 0), "2026-12-01"},
		{"day two before the start", threeDays, at(2026, 12, 2, 8, 15), "2026-12-02"},
		{"day three after the end", threeDays, at(2026, 12, 3, 22, 0), "2026-12-03"},
		{"the day after", threeDays, at(2026, 12, 4, 0, 0), ""},
		{"midnight in Berlin is 23:00 UTC", threeDays, time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC), "2026-12-01"},
		{"evening: the start's day", evening, at(2026, 12, 31, 19, 0), "2026-12-31"},
		{"evening: past midnight, still running", evening, at(2027, 1, 1, 1, 0), "2026-12-31"},
		{"evening: over", evening, at(2027, 1, 1, 3, 0), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ok := c.date.CheckInSession(c.now, berlin)
			if got := map[bool]string{true: s.Day}[ok]; got != c.wantDay {
				t.Fatalf("day %q (ok %v), want %q", s.Day, ok, c.wantDay)
			}
		})
	}
	if got := threeDays.TeachingMinutes(berlin); got != 3*8*60 {
		t.Fatalf("three days of 8 hours: %d minutes", got)
	}
	if got := evening.TeachingMinutes(berlin); got != 6*60 {
		t.Fatalf("evening: %d minutes", got)
	}
}
