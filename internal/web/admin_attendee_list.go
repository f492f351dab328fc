package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAttendeeList shows who is booked on a date, printable, with a check-in button per person
// (on the date's days; a multi-day date counts each day) and an undo for a mistaken tap.
func (s *Server) adminAttendeeList(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	waiting, err := s.store.WaitlistForDate(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	checkIns, err := s.store.CheckInsOfDate(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	rows := attendeeRows(bookings)
	data := attendeeListData{Date: d, Rows: rows, Waitlist: waiting, Notice: c.QueryParam("done"),
		Days: len(d.Sessions(s.cfg.Location)), CheckIns: map[uint]map[string]bool{}}
	if today, open := d.CheckInSession(s.now(), s.cfg.Location); open {
		data.Today = today.Day
	}
	for _, ci := range checkIns {
		if data.CheckIns[ci.AttendeeID] == nil {
			data.CheckIns[ci.AttendeeID] = map[string]bool{}
		}
		data.CheckIns[ci.AttendeeID][ci.Day] = true
	}
	attendees := make([]model.Attendee, 0, len(rows))
	for _, r := range rows {
		if r.CheckedInAt != nil {
			data.CheckedIn++
		}
		attendees = append(attendees, r.Attendee)
	}
	if data.Sheet, err = s.answerSheetFor(c.Request().Context(), d.SeminarID, attendees...); err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.attendees.title")
	data.Decision = s.runDecision(d, c.QueryParam("confirmed") == "1")
	return s.render(c, http.StatusOK, pageAdminAttendees, title, data, nil)
}

// runDecision is the run decision of d at the server's now.
func (s *Server) runDecision(d model.SeminarDate, confirmed bool) runDecisionView {
	now, days := s.now(), s.decisions.Days()
	v := runDecisionView{Due: d.DecisionDue(now, days), CanConfirm: d.CanConfirmRun(now), Confirmed: confirmed}
	if days > 0 {
		v.From = d.DecisionFrom(days)
	}
	return v
}
