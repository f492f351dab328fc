package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestRemindersAtAwkwardHours runs the reminder rounds for dates at the hours where UTC and
// Berlin disagree: each attendee is reminded exactly once, when the date is ReminderDays (3 × 24
// hours) away and not a round earlier, and the reminder states the start in Berlin time.
func TestRemindersAtAwkwardHours(t *testing.T) {
	in := storetest.InBerlin
	cases := []struct {
		name       string
		start, end time.Time
		wantWhen   string // as the German reminder writes it
	}{
		{"a date starting 00:15 Berlin", in(2026, 12, 16, 0, 15), in(2026, 12, 16, 8, 15), "Mi., 16. Dezember 2026, 00:15–08:15"},
		{"a date at 23:30 Berlin across midnight", in(2026, 12, 16, 23, 30), in(2026, 12, 17, 3, 30), "Mi., 16. Dezember 2026 – Do., 17. Dezember 2026"},
		{"a date just after the end of DST", in(2026, 10, 26, 9, 0), in(2026, 10, 26, 17, 0), "Mo., 26. Oktober 2026, 09:00–17:00"},
		{"a date just after the start of DST", in(2027, 3, 29, 9, 0), in(2027, 3, 29, 17, 0), "Mo., 29. März 2027, 09:00–17:00"},
		{"New Year's Day", in(2027, 1, 1, 10, 0), in(2027, 1, 1, 16, 0), "Fr., 1. Januar 2027, 10:00–16:00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			date := e.seedDate(model.FormatInPerson, tc.start)
			e.exec("UPDATE seminar_dates SET ends_at = ? WHERE id = ?", tc.end.UTC(), date.ID)
			e.now = tc.start.AddDate(0, -1, 0)
			e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
			e.run(e.now)
			seen := len(e.smtp.messages())
			window := 3 * 24 * time.Hour
			rounds := []struct {
				at   time.Time
				want int
			}{
				{tc.start.Add(-window - time.Minute), 0},
				{tc.start.Add(-window), 1},
				{tc.start.Add(-window + time.Hour), 0},
				{tc.start.Add(-time.Minute), 0},
			}
			for i, r := range rounds {
				e.now = r.at
				e.run(r.at)
				msgs := e.smtp.messages()
				reminders := 0
				for _, m := range msgs[seen:] {
					p := parseMail(t, m)
					if !strings.Contains(p.Subject, "Erinnerung") {
						continue
					}
					reminders++
					if !strings.Contains(p.Text, tc.wantWhen) {
						t.Errorf("round %d: reminder does not say %q:\n%s", i, tc.wantWhen, p.Text)
					}
				}
				seen = len(msgs)
				if reminders != r.want {
					t.Errorf("round %d at %s: %d reminders, want %d", i, r.at.In(e.berlin), reminders, r.want)
				}
			}
		})
	}
}
