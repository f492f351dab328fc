package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
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
	return s.render(c, http.StatusOK, pageAdminAttendees, title, attendeeListData{Date: d, Rows: rows, CheckedIn: checkedIn, Waitlist: waiting}, nil)
}
