package app_test

import (
	"math"
	"reflect"
	"testing"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/model"
)

// TestCancellationPolicyFromSettings maps cancellation_steps (or the simple pair) onto the
// policy the bookings use; the tiers read back are the steps as configured.
func TestCancellationPolicyFromSettings(t *testing.T) {
	cases := []struct {
		name string
		env  []string
		want []model.CancellationTier
	}{
		{"the shipped pair", nil, []model.CancellationTier{{UntilDays: 14, Percent: 0}, {UntilDays: minInt, Percent: 50}}},
		{"steps of issue 11", []string{"SEMINARS_CANCELLATION_STEPS=28:0,14:50,0:100"},
			[]model.CancellationTier{{UntilDays: 28}, {UntilDays: 14, Percent: 50}, {UntilDays: minInt, Percent: 100}}},
		{"free runs merge", []string{"SEMINARS_CANCELLATION_STEPS=28:0,14:0,0:50"},
			[]model.CancellationTier{{UntilDays: 14}, {UntilDays: minInt, Percent: 50}}},
		{"the steps win over the pair", []string{"SEMINARS_CANCELLATION_FREE_DAYS=3", "SEMINARS_CANCELLATION_STEPS=7:0,0:100"},
			[]model.CancellationTier{{UntilDays: 7}, {UntilDays: minInt, Percent: 100}}},
		{"always free", []string{"SEMINARS_CANCELLATION_STEPS=0:0"}, []model.CancellationTier{{UntilDays: minInt}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := app.CancellationPolicy(apptest.Config(t, tc.env...)).Tiers()
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("tiers %v, want %v", got, tc.want)
			}
		})
	}
}

const minInt = math.MinInt
