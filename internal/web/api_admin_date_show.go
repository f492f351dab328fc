package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminDateShow is GET /api/v1/admin/dates/{id}: one date, any status.
func (s *Server) apiAdminDateShow(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.adminDateView(d))
}
