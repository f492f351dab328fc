package model_test

import (
	"math"
	"reflect"
	"testing"
	"time"

	"seminars/internal/model"
)

// TestFeePercentAtWithSteps checks the stepped policy of issue 11 (free until 28 days before,
// 50 % until 14, 100 % after) at 23:30 on the last day of each period and 00:00 on the next, in
// Berlin calendar days, and after the start (no-shows).
func TestFeePercentAtWithSteps(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, berlin) }
	p := model.CancellationPolicy{FreeDays: 28, FeePercent: 50, Steps: []model.CancellationStep{{Within: 14, Percent: 100}}, Location: berlin}
	start := at(2027, time.March, 29, 9, 0) // the day after the switch to summer time
	cases := []struct {
		name string
		now  time.Time
		want int
	}{
		{"28 days before, 23:30", at(2027, time.March, 1, 23, 30), 0},
		{"27 days before, 00:00", at(2027, time.March, 2, 0, 0), 50},
		{"14 days before, 23:30", at(2027, time.March, 15, 23, 30), 50},
		{"13 days before, 00:00", at(2027, time.March, 16, 0, 0), 100},
		{"the day itself", at(2027, time.March, 29, 8, 0), 100},
		{"after the start (no-show)", at(2027, time.March, 30, 10, 0), 100},
		{"28 days before, 23:59 given in UTC", at(2027, time.March, 1, 23, 59).UTC(), 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.FeePercentAt(start, tc.now); got != tc.want {
				t.Fatalf("FeePercentAt = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestCancellationTiers(t *testing.T) {
	open := math.MinInt
	cases := []struct {
		name   string
		policy model.CancellationPolicy
		want   []model.CancellationTier
	}{
		{"the shipped pair", model.CancellationPolicy{FreeDays: 14, FeePercent: 50}, []model.CancellationTier{{14, 0}, {open, 50}}},
		{"steps", model.CancellationPolicy{FreeDays: 28, FeePercent: 50, Steps: []model.CancellationStep{{Within: 14, Percent: 100}}},
			[]model.CancellationTier{{28, 0}, {14, 50}, {open, 100}}},
		{"free on the day, a fee after the start", model.CancellationPolicy{FreeDays: 0, FeePercent: 100}, []model.CancellationTier{{0, 0}, {open, 100}}},
		{"always free", model.CancellationPolicy{FreeDays: 14}, []model.CancellationTier{{open, 0}}},
		{"a step with the same fee merges", model.CancellationPolicy{FreeDays: 28, FeePercent: 50, Steps: []model.CancellationStep{{Within: 14, Percent: 50}}},
			[]model.CancellationTier{{28, 0}, {open, 50}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.policy.Tiers()
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Tiers = %v, want %v", got, tc.want)
			}
			// The words and the fee agree: each tier's percent is the fee on its first day.
			for _, tier := range got {
				if !tier.Open() && tc.policy.Fee(100, time.Date(2027, 1, 1+tier.UntilDays, 9, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 10, 0, 0, 0, time.UTC)) != int64(tier.Percent) {
					t.Fatalf("tier %v disagrees with Fee", tier)
				}
			}
		})
	}
}
