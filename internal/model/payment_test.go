package model_test

import (
	"testing"
	"time"

	"seminars/internal/model"
)

func TestCancellationFee(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	policy := model.CancellationPolicy{FreeDays: 14, FeePercent: 50, Location: berlin}
	start := time.Date(2027, 3, 15, 9, 0, 0, 0, berlin)
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2027, month, day, hour, minute, 0, 0, berlin)
	}
	cases := []struct {
		name  string
		gross int64
		now   time.Time
		want  int64
	}{
		{"a month before is free", 116620, start.AddDate(0, -1, 0), 0},
		{"the last free day, 23:30 in Berlin", 116620, at(3, 1, 23, 30), 0},
		{"the last free day, a minute before midnight", 116620, at(3, 1, 23, 59), 0},
		{"midnight after the last free day", 116620, at(3, 2, 0, 0), 58310},
		{"13 days before, early morning", 116620, at(3, 2, 0, 30), 58310},
		{"the day before", 116620, start.Add(-24 * time.Hour), 58310},
		{"odd cents round in the booker's favour", 58311, start.Add(-24 * time.Hour), 29155},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := policy.Fee(tc.gross, start, tc.now); got != tc.want {
				t.Fatalf("fee = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestCancellationPolicyCountsBerlinCalendarDays runs the policy at the awkward hours: the
// hour a Berlin day ends is 22:00 or 23:00 UTC, DST shortens or lengthens a day, and a year ends.
func TestCancellationPolicyCountsBerlinCalendarDays(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	in := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, berlin) }
	policy := model.CancellationPolicy{FreeDays: 28, FeePercent: 50, Steps: []model.CancellationStep{{Within: 14, Percent: 100}}, Location: berlin}
	cases := []struct {
		name        string
		start, now  time.Time
		wantDays    int
		wantPercent int
	}{
		{"28 days before at 23:30", in(2026, 12, 28, 9, 0), in(2026, 11, 30, 23, 30), 28, 0},
		{"27 days before at 00:00", in(2026, 12, 28, 9, 0), in(2026, 12, 1, 0, 0), 27, 50},
		{"14 days before at 23:30", in(2026, 12, 28, 9, 0), in(2026, 12, 14, 23, 30), 14, 50},
		{"13 days before at 00:00", in(2026, 12, 28, 9, 0), in(2026, 12, 15, 0, 0), 13, 100},
		{"a date starting just after midnight", in(2026, 12, 28, 0, 15), in(2026, 11, 30, 23, 30), 28, 0},
		{"a date starting at 23:30", in(2026, 12, 28, 23, 30), in(2026, 12, 1, 0, 30), 27, 50},
		{"across the end of DST in October", in(2026, 11, 21, 9, 0), in(2026, 10, 24, 23, 30), 28, 0},
		{"the night DST ends", in(2026, 11, 21, 9, 0), in(2026, 10, 25, 2, 30), 27, 50},
		{"across the start of DST in March", in(2027, 4, 24, 9, 0), in(2027, 3, 27, 23, 30), 28, 0},
		{"the night DST starts", in(2027, 4, 24, 9, 0), in(2027, 3, 28, 3, 30), 27, 50},
		{"31 Dec 23:30 for 28 Jan", in(2027, 1, 28, 9, 0), in(2026, 12, 31, 23, 30), 28, 0},
		{"1 Jan 00:00 for 28 Jan", in(2027, 1, 28, 9, 0), in(2027, 1, 1, 0, 0), 27, 50},
		{"New Year's Eve 23:30 for 14 Jan", in(2027, 1, 14, 9, 0), in(2026, 12, 31, 23, 30), 14, 50},
		{"New Year's Day 00:00 for 14 Jan", in(2027, 1, 14, 9, 0), in(2027, 1, 1, 0, 0), 13, 100},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := policy.DaysBefore(tc.start, tc.now); got != tc.wantDays {
				t.Errorf("days before = %d, want %d", got, tc.wantDays)
			}
			if got := policy.FeePercentAt(tc.start, tc.now); got != tc.wantPercent {
				t.Errorf("fee = %d %%, want %d %%", got, tc.wantPercent)
			}
			free := tc.now.Before(policy.FreeUntil(tc.start))
			if free != (tc.wantPercent == 0) {
				t.Errorf("FreeUntil = %s says free=%v, want free=%v", policy.FreeUntil(tc.start), free, tc.wantPercent == 0)
			}
		})
	}
}
