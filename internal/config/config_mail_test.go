package config_test

import (
	"strings"
	"testing"

	"seminars"
	"seminars/internal/config"
)

// TestMailSettings checks the mail settings' defaults and what start-up refuses.
func TestMailSettings(t *testing.T) {
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		env     []string
		wantErr string
		check   func(config.Config) bool
	}{
		{"defaults", nil, "", func(c config.Config) bool { return c.ReminderDays == 3 && c.SMTPURL == "" }},
		{"reminders off", []string{"SEMINARS_REMINDER_DAYS=0"}, "", func(c config.Config) bool { return c.ReminderDays == 0 }},
		{"worker attempts default", nil, "", func(c config.Config) bool { return c.WorkerMaxAttempts == 5 }},
		{"worker attempts set", []string{"SEMINARS_WORKER_MAX_ATTEMPTS=3"}, "", func(c config.Config) bool { return c.WorkerMaxAttempts == 3 }},
		{"worker attempts zero", []string{"SEMINARS_WORKER_MAX_ATTEMPTS=0"}, "worker_max_attempts", nil},
		{"smtp with user", []string{"SEMINARS_SMTP_URL=smtp://u:p@mail.example:587"}, "", nil},
		{"smtps", []string{"SEMINARS_SMTP_URL=smtps://mail.example"}, "", nil},
		{"smtp connections default", nil, "", func(c config.Config) bool { return c.SMTPConnections == 4 }},
		{"smtp connections set", []string{"SEMINARS_SMTP_CONNECTIONS=8"}, "", func(c config.Config) bool { return c.SMTPConnections == 8 }},
		{"no smtp connection", []string{"SEMINARS_SMTP_CONNECTIONS=0"}, "smtp_connections", nil},
		{"too many smtp connections", []string{"SEMINARS_SMTP_CONNECTIONS=33"}, "smtp_connections", nil},
		{"negative reminder days", []string{"SEMINARS_REMINDER_DAYS=-1"}, "reminder_days", nil},
		{"smtp url of another scheme", []string{"SEMINARS_SMTP_URL=http://mail.example"}, "smtp_url", nil},
		{"sender is no address", []string{"SEMINARS_MAIL_FROM=nobody"}, "mail_from", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Load(defaults, tc.env)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one about %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.check != nil && !tc.check(c) {
				t.Errorf("unexpected settings: %+v", c)
			}
		})
	}
}
