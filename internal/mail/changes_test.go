package mail_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// expectMail is what one recipient must get after an event.
type expectMail struct {
	subject string
	body    string // in the text part
	method  string // invite METHOD, "" for none
	uidOf   string // whose UID: "anna" / "ben" on "old" or "new" date
	dateOf  string
	seq     int
}

// TestChangeNotices records each kind of change event after a confirmed booking (Anna and Ben,
// German) and checks who hears what.
func TestChangeNotices(t *testing.T) {
	cases := []struct {
		name   string
		change func(e *env, f fixture) model.EventPayload
		want   map[string][]expectMail // by recipient; everybody else gets nothing
	}{
		{
			name: "date rescheduled: updated invite, same UID, higher SEQUENCE",
			change: func(e *env, f fixture) model.EventPayload {
				e.exec("UPDATE seminar_dates SET starts_at = ?, ends_at = ?, sequence = sequence + 1 WHERE id = ?",
					f.date.StartsAt.Add(24*time.Hour), f.date.EndsAt.Add(24*time.Hour), f.date.ID)
				return model.EventPayload{Event: model.EventDateRescheduled, DateID: f.date.ID}
			},
			want: map[string][]expectMail{
				"billing@muster.example": {{subject: "Terminänderung", body: f13()}},
				"anna@muster.example":    {{subject: "Geänderter Termin", body: f13(), method: "REQUEST", uidOf: "anna", dateOf: "old", seq: 1}},
				"ben@muster.example":     {{subject: "Geänderter Termin", method: "REQUEST", uidOf: "ben", dateOf: "old", seq: 1}},
			},
		},
		{
			name: "date cancelled: METHOD:CANCEL with the same UID, also for bookings cancelled with it",
			change: func(e *env, f fixture) model.EventPayload {
				e.exec("UPDATE seminar_dates SET status = 'cancelled', sequence = sequence + 1 WHERE id = ?", f.date.ID)
				e.exec("UPDATE bookings SET status = 'cancelled' WHERE id = ?", f.res.Booking.ID)
				return model.EventPayload{Event: model.EventDateCancelled, DateID: f.date.ID}
			},
			want: map[string][]expectMail{
				"billing@muster.example": {{subject: "Termin abgesagt"}},
				"anna@muster.example":    {{subject: "Abgesagt", method: "CANCEL", uidOf: "anna", dateOf: "old", seq: 2}},
				"ben@muster.example":     {{subject: "Abgesagt", method: "CANCEL", uidOf: "ben", dateOf: "old", seq: 2}},
			},
		},
		{
			name: "attendee substituted: the old one is told, the new one confirmed",
			change: func(e *env, f fixture) model.EventPayload {
				e.exec("UPDATE attendees SET first_name = 'Carl', email = 'carl@muster.example' WHERE id = ?", f.ben)
				return model.EventPayload{Event: model.EventAttendeeSubstituted, BookingID: f.res.Booking.ID,
					AttendeeID: f.ben, OldEmail: "ben@muster.example", OldName: "Ben Muster"}
			},
			want: map[string][]expectMail{
				"billing@muster.example": {{subject: "Personenwechsel", body: "Carl Muster"}},
				"ben@muster.example":     {{subject: "übertragen", body: "Carl Muster", method: "CANCEL", uidOf: "ben", dateOf: "old", seq: 1}},
				"carl@muster.example":    {{subject: "Ihre Anmeldung", method: "REQUEST", uidOf: "ben", dateOf: "old", seq: 0}},
			},
		},
		{
			name: "booking cancelled: billing told, attendees' entries withdrawn",
			change: func(e *env, f fixture) model.EventPayload {
				e.exec("UPDATE bookings SET status = 'cancelled' WHERE id = ?", f.res.Booking.ID)
				return model.EventPayload{Event: model.EventBookingCancelled, BookingID: f.res.Booking.ID}
			},
			want: map[string][]expectMail{
				"billing@muster.example": {{subject: "storniert", body: "SEM-"}},
				"anna@muster.example":    {{subject: "Abgesagt", method: "CANCEL", uidOf: "anna", dateOf: "old", seq: 1}},
				"ben@muster.example":     {{subject: "Abgesagt", method: "CANCEL", uidOf: "ben", dateOf: "old", seq: 1}},
			},
		},
		{
			name: "booking refunded: billing only",
			change: func(e *env, f fixture) model.EventPayload {
				return model.EventPayload{Event: model.EventBookingRefunded, BookingID: f.res.Booking.ID}
			},
			want: map[string][]expectMail{"billing@muster.example": {{subject: "Erstattung", body: "1.166,20"}}},
		},
		{
			name: "partial refund: billing told the amount that went back",
			change: func(e *env, f fixture) model.EventPayload {
				return model.EventPayload{Event: model.EventBookingRefunded, BookingID: f.res.Booking.ID,
					Extra: model.EventExtra{AmountCents: 58310}}
			},
			want: map[string][]expectMail{"billing@muster.example": {{subject: "Erstattung", body: "wir haben 583,10"}}},
		},
		{
			name: "payment received: billing told the amount that settled the booking",
			change: func(e *env, f fixture) model.EventPayload {
				return model.EventPayload{Event: model.EventPaymentReceived, BookingID: f.res.Booking.ID,
					Extra: model.EventExtra{AmountCents: 58310}}
			},
			want: map[string][]expectMail{"billing@muster.example": {{subject: "Zahlung erhalten", body: "vollständig bezahlt"}}},
		},
		{
			name: "booking received (card, payment pending): billing only, with the hold's deadline",
			change: func(e *env, f fixture) model.EventPayload {
				e.exec("UPDATE bookings SET status = 'pending_payment', hold_expires_at = ? WHERE id = ?",
					time.Date(2030, time.March, 3, 17, 0, 0, 0, time.UTC), f.res.Booking.ID)
				return model.EventPayload{Event: model.EventBookingReceived, BookingID: f.res.Booking.ID}
			},
			want: map[string][]expectMail{"billing@muster.example": {{subject: "Zahlung ausstehend", body: "So., 3. März 2030, 18:00"}}},
		},
		{
			name: "hold expired: billing only",
			change: func(e *env, f fixture) model.EventPayload {
				return model.EventPayload{Event: model.EventHoldExpired, BookingID: f.res.Booking.ID}
			},
			want: map[string][]expectMail{"billing@muster.example": {{subject: "abgelaufen", body: "freigegeben"}}},
		},
		{
			name: "attendee moved: old entry withdrawn, invite for the new date",
			change: func(e *env, f fixture) model.EventPayload {
				return model.EventPayload{Event: model.EventAttendeeMoved, BookingID: f.res.Booking.ID, AttendeeID: f.anna,
					DateID: f.other.ID, Extra: model.EventExtra{FromDateID: f.date.ID}}
			},
			want: map[string][]expectMail{
				"billing@muster.example": {{subject: "Umbuchung", body: "Anna Muster"}},
				"anna@muster.example": {
					{subject: "Alter Termin entfällt", method: "CANCEL", uidOf: "anna", dateOf: "old", seq: 1},
					{subject: "Umgebucht", method: "REQUEST", uidOf: "anna", dateOf: "new", seq: 0},
				},
			},
		},
		{
			name: "waiting list offer in English with deadline and booking link",
			change: func(e *env, f fixture) model.EventPayload {
				until := time.Date(2030, time.March, 3, 17, 0, 0, 0, time.UTC).Format(time.RFC3339)
				return model.EventPayload{Event: model.EventWaitlistOffer, DateID: f.date.ID, Lang: "en",
					Extra: model.EventExtra{Email: "wait@other.example", Name: "Wanda Wait", Until: until}}
			},
			want: map[string][]expectMail{
				"wait@other.example": {{subject: "A seat is free", body: "Sun, 3 March 2030, 18:00"}},
			},
		},
		{
			name: "certificate attached",
			change: func(e *env, f fixture) model.EventPayload {
				e.exec("UPDATE attendees SET checked_in_at = ? WHERE id = ?", f.date.StartsAt, f.anna)
				return model.EventPayload{Event: model.EventCertificate, BookingID: f.res.Booking.ID, AttendeeID: f.anna}
			},
			want: map[string][]expectMail{
				"anna@muster.example": {{subject: "Teilnahmebescheinigung", body: "im Anhang"}},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			f := newFixture(e)
			p := tc.change(e, f)
			e.notify("test", p)
			e.run(e.now.Add(2 * time.Minute))
			got := map[string][]parsedMail{}
			for _, r := range e.smtp.messages()[f.before:] {
				m := parseMail(t, r)
				for _, to := range r.To {
					got[to] = append(got[to], m)
				}
			}
			for to := range got {
				if _, ok := tc.want[to]; !ok {
					t.Errorf("%s got %d unexpected messages (first: %q)", to, len(got[to]), got[to][0].Subject)
				}
			}
			for to, wants := range tc.want {
				if len(got[to]) != len(wants) {
					t.Fatalf("%s got %d messages, want %d", to, len(got[to]), len(wants))
				}
				for i, w := range wants {
					checkExpected(t, e, f, to, got[to][i], w)
				}
			}
		})
	}
}

// f13 is the rescheduled date as German text: a day later than the fixture's 12 January.
func f13() string { return "13. Januar" }

func checkExpected(t *testing.T, e *env, f fixture, to string, m parsedMail, w expectMail) {
	t.Helper()
	if !strings.Contains(m.Subject, w.subject) {
		t.Errorf("%s: subject %q lacks %q", to, m.Subject, w.subject)
	}
	if w.body != "" && !strings.Contains(m.Text, w.body) {
		t.Errorf("%s: text lacks %q:\n%s", to, w.body, m.Text)
	}
	if w.method == "" {
		if m.ICSFile != "" {
			t.Errorf("%s: unexpected invite", to)
		}
		return
	}
	attendee := map[string]uint{"anna": f.anna, "ben": f.ben}[w.uidOf]
	date := map[string]model.SeminarDate{"old": f.date, "new": f.other}[w.dateOf]
	fresh, err := e.st.DateByID(e.ctx, date.ID)
	if err != nil {
		t.Fatal(err)
	}
	uid := fmt.Sprintf("attendee-%d-date-%d-", attendee, date.ID)
	assertInvite(t, m, w.method, uid, fresh.StartsAt.UTC().Format("20060102T150405Z"), w.seq)
}

// fixture is a confirmed German booking of Anna and Ben on a date in January, with its
// confirmations already delivered, and another date of the same kind.
type fixture struct {
	date, other model.SeminarDate
	res         booking.Result
	anna, ben   uint
	before      int // messages delivered before the change
}

func newFixture(e *env) fixture {
	start := time.Date(e.now.Year()+1, time.January, 12, 8, 0, 0, 0, time.UTC)
	f := fixture{date: e.seedDate(model.FormatInPerson, start), other: e.seedDate(model.FormatOnline, start.AddDate(0, 1, 0))}
	f.res = e.reserve(f.date.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
	f.anna = attendeeID(e.t, e, f.res.Booking.Reference, "anna@muster.example")
	f.ben = attendeeID(e.t, e, f.res.Booking.Reference, "ben@muster.example")
	e.run(e.now.Add(time.Minute))
	f.before = len(e.smtp.messages())
	if f.before != 3 {
		e.t.Fatalf("fixture: %d confirmations, want 3", f.before)
	}
	return f
}
