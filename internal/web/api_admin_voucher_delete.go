package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVoucherDelete is DELETE /api/v1/admin/vouchers/{code}: removes a code that was never
// used (204); one that bookings used answers 409 and stays — switch it off with PATCH instead.
func (s *Server) apiAdminVoucherDelete(c echo.Context) error {
	if err := s.office.DeleteVoucher(c.Request().Context(), actor(c), c.Param("code")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
