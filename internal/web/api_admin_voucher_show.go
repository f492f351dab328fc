package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVoucherShow is GET /api/v1/admin/vouchers/{code}: one discount code, in any letter case.
func (s *Server) apiAdminVoucherShow(c echo.Context) error {
	v, err := s.adminVoucher(c.Request().Context(), c.Param("code"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}
