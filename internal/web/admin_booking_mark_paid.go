package web

import (
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminBookingMarkPaid records that an invoice booking was paid (owners only: a money operation).
func (s *Server) adminBookingMarkPaid(c echo.Context) error {
	reference := c.Param("reference")
	if err := s.office.MarkPaid(c.Request().Context(), actor(c), reference); err != nil {
		return err
	}
	if fromDetail(c) {
		return redirect(c, bookingDetailPath(strings.ToUpper(reference), "paid"))
	}
	return redirect(c, "/admin/bookings?done=paid&q="+url.QueryEscape(reference))
}
