package mail

import (
	"fmt"
	"time"

	ics "github.com/arran4/golang-ical"

	"seminars/internal/model"
)

// inviteUID is stable per attendee and date, so every later invite for the same seat (moved
// time, new venue, cancellation) updates the one calendar entry the attendee already has.
func inviteUID(attendeeID, dateID uint, host string) string {
	return fmt.Sprintf("attendee-%d-date-%d@%s", attendeeID, dateID, host)
}

// inviteInput is what a calendar invite says.
type inviteInput struct {
	UID         string
	Cancel      bool
	Date        model.SeminarDate
	Title       string
	Description string
	Location    string
	Attendee    Address
	Organizer   Address
	Stamp       time.Time
}

// buildInvite renders an iCalendar REQUEST (or CANCEL) for one attendee. Times are written in
// UTC (…Z), which every calendar shows in the reader's own zone without a VTIMEZONE block.
// SEQUENCE is the date's sequence, bumped by every change attendees must hear about; a
// cancellation counts as one more change, so it always wins over the last invite.
func buildInvite(in inviteInput) *Invite {
	cal := ics.NewCalendarFor(in.Organizer.Name)
	method, seq := ics.MethodRequest, in.Date.Sequence
	if in.Cancel {
		method, seq = ics.MethodCancel, in.Date.Sequence+1
	}
	cal.SetMethod(method)
	ev := cal.AddEvent(in.UID)
	ev.SetDtStampTime(in.Stamp)
	ev.SetSequence(seq)
	ev.SetStartAt(in.Date.StartsAt)
	ev.SetEndAt(in.Date.EndsAt)
	ev.SetSummary(in.Title)
	if in.Location != "" {
		ev.SetLocation(in.Location)
	}
	if in.Description != "" {
		ev.SetDescription(in.Description)
	}
	ev.SetOrganizer("mailto:"+in.Organizer.Email, ics.WithCN(in.Organizer.Name))
	ev.AddAttendee("mailto:"+in.Attendee.Email, ics.WithCN(in.Attendee.Name), ics.ParticipationStatusNeedsAction, ics.WithRSVP(false))
	if in.Cancel {
		ev.SetStatus(ics.ObjectStatusCancelled)
	} else {
		ev.SetStatus(ics.ObjectStatusConfirmed)
	}
	return &Invite{Method: string(method), UID: in.UID, Content: cal.Serialize()}
}
