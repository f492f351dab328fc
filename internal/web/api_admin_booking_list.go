package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminBookingList is GET /api/v1/admin/bookings?q=…: the newest bookings, optionally those
// whose reference, company, contact or attendees match q.
func (s *Server) apiAdminBookingList(c echo.Context) error {
	bookings, err := s.store.SearchBookings(c.Request().Context(), c.QueryParam("q"), 200)
	if err != nil {
		return err
	}
	out := []adminBookingJSON{}
	for _, b := range bookings {
		out = append(out, adminBookingView(b))
	}
	return c.JSON(http.StatusOK, map[string]any{"bookings": out})
}
