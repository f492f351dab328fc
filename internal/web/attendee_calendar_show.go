package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// attendeeCalendarShow is GET /a/{token}/invite.ics: the attendee's calendar entry for the
// date, the same entry the confirmation's invite created.
func (s *Server) attendeeCalendarShow(c echo.Context) error {
	a, b, err := s.attendeeByToken(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	if b.Status == model.BookingCancelled || b.Date.Status == model.DateCancelled {
		return echo.ErrNotFound
	}
	ics, err := s.mail.AttendeeCalendar(b, a, s.now())
	if err != nil {
		return err
	}
	privateHeaders(c)
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="seminar-`+b.Reference+`.ics"`)
	return c.Blob(http.StatusOK, "text/calendar; charset=utf-8", ics)
}
