package mail_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/model"
)

// TestBookerGetsOneMailPerChange: a change to a booking of ten attendees writes to the billing
// contact once, naming everyone it concerns, while every attendee still gets their own notice.
// (A booking's invoice correction is its one message; moving a single attendee writes twice
// because it is two bookings now: the new one's confirmation with its own link and invoice, and
// the old one's correction.)
func TestBookerGetsOneMailPerChange(t *testing.T) {
	cases := []struct {
		name        string
		change      func(e *env, office *backoffice.Service, ref string, from, to model.SeminarDate, first uint)
		wantBilling int
		wantEach    int // messages to each of the ten attendees
		wantSubject string
	}{
		{"ten attendees moved to another date", func(e *env, office *backoffice.Service, ref string, from, to model.SeminarDate, _ uint) {
			if _, err := office.MoveBooking(e.ctx, "owner@example.com", ref, to.ID); err != nil {
				e.t.Fatal(err)
			}
		}, 1, 2, "Rechnung"},
		{"the date moved to another day", func(e *env, office *backoffice.Service, ref string, from, to model.SeminarDate, _ uint) {
			changed := from
			changed.Seminar = nil
			changed.StartsAt, changed.EndsAt = from.StartsAt.Add(48*time.Hour), from.EndsAt.Add(48*time.Hour)
			if err := office.UpdateDate(e.ctx, "owner@example.com", changed); err != nil {
				e.t.Fatal(err)
			}
		}, 1, 1, "Rechnung"},
		{"the date's start an hour later, same day", func(e *env, office *backoffice.Service, ref string, from, to model.SeminarDate, _ uint) {
			changed := from
			changed.Seminar = nil
			changed.StartsAt, changed.EndsAt = from.StartsAt.Add(time.Hour), from.EndsAt.Add(time.Hour)
			if err := office.UpdateDate(e.ctx, "owner@example.com", changed); err != nil {
				e.t.Fatal(err)
			}
		}, 1, 1, "Terminänderung"},
		{"the date cancelled", func(e *env, office *backoffice.Service, ref string, from, to model.SeminarDate, _ uint) {
			if err := office.CancelDate(e.ctx, "owner@example.com", from.ID); err != nil {
				e.t.Fatal(err)
			}
		}, 1, 1, "abgesagt"},
		{"one attendee moved: two bookings, one mail each", func(e *env, office *backoffice.Service, ref string, from, to model.SeminarDate, first uint) {
			if _, err := office.MoveAttendee(e.ctx, "owner@example.com", ref, first, to.ID); err != nil {
				e.t.Fatal(err)
			}
		}, 2, -1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.useCancellationPolicy()
				start := e.now.Add(40 * 24 * time.Hour).Truncate(time.Hour)
				from := e.seedDate(model.FormatOnline, start)
				to := addDate(e, from, model.FormatOnline, start.Add(7*24*time.Hour), 20)
				var people [][2]string
				for i := 1; i <= 10; i++ {
					people = append(people, [2]string{fmt.Sprintf("Person%02d", i), fmt.Sprintf("p%02d@muster.example", i)})
				}
				res := e.reserve(from.ID, "de", people...)
				e.run(e.now.Add(time.Minute))
				before := e.inbox()
				office := backoffice.New(e.st, e.book, nil, e.clock)
				tc.change(e, office, res.Booking.Reference, from, to, res.Booking.Attendees[0].ID)
				e.run(e.now.Add(2 * time.Minute))
				e.run(e.now.Add(3 * time.Minute))
				after := e.inbox()
				billing := after["billing@muster.example"][len(before["billing@muster.example"]):]
				if len(billing) != tc.wantBilling {
					var subjects []string
					for _, m := range billing {
						subjects = append(subjects, m.Subject)
					}
					t.Fatalf("billing contact got %d mails %q, want %d", len(billing), subjects, tc.wantBilling)
				}
				if tc.wantSubject != "" && !strings.Contains(billing[0].Subject, tc.wantSubject) {
					t.Errorf("billing mail %q, want %q in the subject", billing[0].Subject, tc.wantSubject)
				}
				if tc.wantEach < 0 {
					return
				}
				for _, p := range people {
					if got := len(after[p[1]]) - len(before[p[1]]); got != tc.wantEach {
						t.Errorf("%s got %d mails, want %d", p[1], got, tc.wantEach)
					}
				}
			})
		})
	}
}
