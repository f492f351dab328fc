package config_test

import (
	"strings"
	"testing"

	"seminars"
	"seminars/internal/config"
)

// TestDecisionDays checks the run decision's setting: its default, turning it off, and what
// start-up refuses.
func TestDecisionDays(t *testing.T) {
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		env     []string
		want    int
		wantErr bool
	}{
		{"default", nil, 14, false},
		{"set", []string{"SEMINARS_DECISION_DAYS=21"}, 21, false},
		{"off", []string{"SEMINARS_DECISION_DAYS=0"}, 0, false},
		{"negative", []string{"SEMINARS_DECISION_DAYS=-1"}, 0, true},
		{"more than a year", []string{"SEMINARS_DECISION_DAYS=366"}, 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Load(defaults, tc.env)
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), "decision_days") {
					t.Fatalf("err = %v, want one about decision_days", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.DecisionDays != tc.want {
				t.Errorf("decision_days = %d, want %d", c.DecisionDays, tc.want)
			}
		})
	}
}
