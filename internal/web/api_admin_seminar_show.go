package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminSeminarShow is GET /api/v1/admin/seminars/{id}: one seminar, published or not.
func (s *Server) apiAdminSeminarShow(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, adminSeminarView(sem))
}
