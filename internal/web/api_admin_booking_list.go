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
	ids := make([]uint, 0, len(bookings))
	for _, b := range bookings {
		ids = append(ids, b.ID)
	}
	accounts, err := s.store.AccountsOfBookings(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	out := []adminBookingJSON{}
	for _, b := range bookings {
		out = append(out, adminBookingView(b, accounts[b.ID]))
	}
	return c.JSON(http.StatusOK, map[string]any{"bookings": out})
}
