package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAttendeeList shows who is booked on a date, printable, with a check-in button per person.
func (s *Server) adminAttendeeList(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	waiting, err := s.store.WaitlistForDate(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	rows := attendeeRows(bookings)
	checkedIn := 0
	for _, r := range rows {
		if r.CheckedInAt != nil {
			checkedIn++
		}
	}
	title := s.i18n.For(language(c)).T("admin.attendees.title")
	return s.render(c, http.StatusOK, pageAdminAttendees, title, attendeeListData{
		Date: d, Rows: rows, CheckedIn: checkedIn, Waitlist: waiting, Decision: s.runDecision(d, c.QueryParam("confirmed") == "1"),
	}, nil)
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
