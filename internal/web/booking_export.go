package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// bookingExport is GET /b/{reference}/export?t={token}: everything stored about the booking as a
// JSON download for its booker (Art. 15 and 20 GDPR). A wrong token is refused like on the
// manage page.
func (s *Server) bookingExport(c echo.Context) error {
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), c.QueryParam("t"))
	if err != nil {
		return err
	}
	export, err := s.privacy.ExportBooking(c.Request().Context(), b)
	if err != nil {
		return err
	}
	download(c, "booking-"+b.Reference+".json")
	c.Response().Header().Set("Referrer-Policy", "no-referrer") // the URL carries the manage token
	return c.JSONPretty(http.StatusOK, export, "  ")
}
