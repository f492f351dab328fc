package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminBookingMarkPaid is POST /api/v1/admin/bookings/{reference}/mark-paid: an invoice
// booking paid in full, as the back office's button records it (backoffice.MarkPaid). Owners'
// tokens only; a partial payment goes to /payments instead.
func (s *Server) apiAdminBookingMarkPaid(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	if err := s.office.MarkPaid(ctx, actor(c), b.Reference); err != nil {
		return err
	}
	v, err := s.adminBookingDetail(ctx, b.Reference)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}
