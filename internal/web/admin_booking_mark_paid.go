package web

import (
	"net/url"

	"github.com/labstack/echo/v4"
)

// adminBookingMarkPaid records that an invoice booking was paid (owners only: a money operation).
func (s *Server) adminBookingMarkPaid(c echo.Context) error {
	reference := c.Param("reference")
	if err := s.office.MarkPaid(c.Request().Context(), actor(c), reference); err != nil {
		return err
	}
	return redirect(c, "/admin/bookings?done=paid&q="+url.QueryEscape(reference))
}
