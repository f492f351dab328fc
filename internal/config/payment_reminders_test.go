package config_test

import (
	"reflect"
	"strings"
	"testing"

	"seminars"
	"seminars/internal/config"
)

// TestPaymentReminderSettings checks the reminder settings' defaults, the environment overriding
// them, and what start-up refuses.
func TestPaymentReminderSettings(t *testing.T) {
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		env      []string
		wantDays []int
		wantMax  int
		wantErr  string
	}{
		{"defaults", nil, []int{7, 14, 28}, 3, ""},
		{"by environment", []string{"SEMINARS_PAYMENT_REMINDER_DAYS= 10 , 20 ", "SEMINARS_PAYMENT_REMINDER_MAX=1"}, []int{10, 20}, 1, ""},
		{"off", []string{"SEMINARS_PAYMENT_REMINDER_MAX=0"}, []int{7, 14, 28}, 0, ""},
		{"no days", []string{"SEMINARS_PAYMENT_REMINDER_DAYS="}, nil, 3, ""},
		{"not rising", []string{"SEMINARS_PAYMENT_REMINDER_DAYS=14,7"}, nil, 0, "does not come after"},
		{"a word", []string{"SEMINARS_PAYMENT_REMINDER_DAYS=7,soon"}, nil, 0, `"soon" is not a number of days`},
		{"zero days", []string{"SEMINARS_PAYMENT_REMINDER_DAYS=0,7"}, nil, 0, `"0" is not a number of days`},
		{"negative max", []string{"SEMINARS_PAYMENT_REMINDER_MAX=-1"}, nil, 0, "payment_reminder_max must be between 0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := config.Load(defaults, append([]string{"SEMINARS_DATABASE=x"}, tc.env...))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(cfg.PaymentReminderDayList, tc.wantDays) || cfg.PaymentReminderMax != tc.wantMax {
				t.Fatalf("days %v, max %d (%v); want %v, %d", cfg.PaymentReminderDayList, cfg.PaymentReminderMax, err, tc.wantDays, tc.wantMax)
			}
		})
	}
}
