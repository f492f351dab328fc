package model_test

import (
	"testing"
	"time"

	"seminars/internal/model"
)

func TestCancellationFee(t *testing.T) {
	policy := model.CancellationPolicy{FreeDays: 14, FeePercent: 50}
	start := time.Date(2027, 3, 15, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		gross int64
		now   time.Time
		want  int64
	}{
		{"a month before is free", 116620, start.AddDate(0, -1, 0), 0},
		{"one minute before the free period ends", 116620, start.Add(-14*24*time.Hour - time.Minute), 0},
		{"when the free period ends", 116620, start.Add(-14 * 24 * time.Hour), 58310},
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
