package mail_test

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"seminars/internal/booking"
)

// TestSubstitutionInviteSurvivesTheCancellation substitutes an attendee and feeds the old
// holder's CANCEL and the new holder's REQUEST, in both orders, to a calendar that sees both (a
// team calendar, or the same mailbox when only the name is corrected). The calendar applies
// RFC 5546: an update of a known UID counts only with a higher SEQUENCE (or an equal one with a
// later DTSTAMP). The new holder's entry must be the one left standing.
func TestSubstitutionInviteSurvivesTheCancellation(t *testing.T) {
	cases := []struct {
		name       string
		first      string
		email      string
		newcomer   string // whose invite must stay
		oldMailbox string
	}{
		{name: "another person takes the seat", first: "Carl", email: "carl@muster.example", newcomer: "carl@muster.example", oldMailbox: "ben@muster.example"},
		{name: "same mailbox, name corrected", first: "Benedikt", email: "ben@muster.example", newcomer: "ben@muster.example", oldMailbox: "ben@muster.example"},
	}
	for _, tc := range cases {
		for _, reversed := range []bool{false, true} {
			name := tc.name + ", delivered in order"
			if reversed {
				name = tc.name + ", delivered in reverse"
			}
			t.Run(name, func(t *testing.T) {
				e := newEnv(t)
				// A fixed clock after the wall clock: the store stamps queued items with the wall clock.
				e.now = time.Date(2030, time.November, 2, 10, 0, 0, 0, time.UTC)
				f := newFixture(e)
				cal := calendar{}
				for _, r := range e.smtp.messages()[:f.before] {
					cal.apply(t, parseMail(t, r))
				}
				_, err := e.book.SubstituteByStaff(e.ctx, f.res.Booking.Reference, booking.Substitution{
					AttendeeID: f.ben, FirstName: tc.first, LastName: "Muster", Email: tc.email})
				if err != nil {
					t.Fatal(err)
				}
				e.run(e.now.Add(2 * time.Minute))
				var invites []parsedMail
				for _, r := range e.smtp.messages()[f.before:] {
					if m := parseMail(t, r); m.ICSFile != "" {
						invites = append(invites, m)
					}
				}
				if len(invites) != 2 {
					t.Fatalf("%d invites after the substitution, want a CANCEL and a REQUEST", len(invites))
				}
				if reversed {
					invites[0], invites[1] = invites[1], invites[0]
				}
				for _, m := range invites {
					cal.apply(t, m)
				}
				active := cal.active()
				if len(active) != 2 || active["mailto:"+tc.newcomer+"/"+tc.first+" Muster"] == 0 ||
					active["mailto:anna@muster.example/Anna Muster"] == 0 {
					t.Errorf("entries standing after the substitution: %v; want Anna's and %s %s Muster's", active, tc.newcomer, tc.first)
				}
			})
		}
	}
}

// calendar is the entries one calendar holds, by UID, as RFC 5546 §2.1.5 orders updates.
type calendar map[string]calendarEntry

type calendarEntry struct {
	seq       int
	stamp     string
	cancelled bool
	holder    string // mailto address / CN of the attendee
}

var (
	icsUID      = regexp.MustCompile(`(?m)^UID:(.*)\r$`)
	icsSequence = regexp.MustCompile(`(?m)^SEQUENCE:(\d+)\r$`)
	icsStamp    = regexp.MustCompile(`(?m)^DTSTAMP:(.*)\r$`)
	icsMethod   = regexp.MustCompile(`(?m)^METHOD:(.*)\r$`)
	icsAttendee = regexp.MustCompile(`(?m)^ATTENDEE;CN=([^;:]*);.*:(mailto:.*)\r$`)
)

// apply takes the invite of a message in, if it is newer than what the calendar holds.
func (c calendar) apply(t *testing.T, m parsedMail) {
	t.Helper()
	if m.ICSFile == "" {
		return
	}
	ics := unfold(m.ICSFile)
	field := func(re *regexp.Regexp) string {
		got := re.FindStringSubmatch(ics)
		if got == nil {
			t.Fatalf("invite lacks %s:\n%s", re, ics)
		}
		return got[1]
	}
	seq, _ := strconv.Atoi(field(icsSequence))
	att := icsAttendee.FindStringSubmatch(ics)
	if att == nil {
		t.Fatalf("invite has no ATTENDEE:\n%s", ics)
	}
	next := calendarEntry{seq: seq, stamp: field(icsStamp), cancelled: field(icsMethod) == "CANCEL", holder: att[2] + "/" + att[1]}
	uid := field(icsUID)
	prev, known := c[uid]
	switch {
	case !known && next.cancelled: // nothing to cancel
	case !known, next.seq > prev.seq, next.seq == prev.seq && next.stamp > prev.stamp:
		c[uid] = next
	}
}

// active counts the entries not cancelled, by holder.
func (c calendar) active() map[string]int {
	out := map[string]int{}
	for _, e := range c {
		if !e.cancelled {
			out[e.holder]++
		}
	}
	return out
}
