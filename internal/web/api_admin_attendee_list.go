package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminAttendeeList is GET /api/v1/admin/dates/{id}/attendees: who is booked on a date.
func (s *Server) apiAdminAttendeeList(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := s.store.DateByID(ctx, id); err != nil {
		return err
	}
	bookings, err := s.store.BookingsOfDate(ctx, id)
	if err != nil {
		return err
	}
	out := []adminAttendeeJSON{}
	for _, r := range attendeeRows(bookings) {
		out = append(out, adminAttendeeView(r))
	}
	return c.JSON(http.StatusOK, map[string]any{"attendees": out})
}
