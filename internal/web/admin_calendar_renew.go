package web

import (
	"github.com/labstack/echo/v4"
)

// adminCalendarRenew gives the calendar feed a new URL (owners only); the old one stops working.
func (s *Server) adminCalendarRenew(c echo.Context) error {
	if _, err := s.calendar.Renew(c.Request().Context(), actor(c)); err != nil {
		return err
	}
	return redirect(c, "/admin/calendar?renewed=1")
}
