package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminSeminarList is GET /api/v1/admin/seminars: every seminar, published or not.
func (s *Server) apiAdminSeminarList(c echo.Context) error {
	seminars, err := s.store.AdminSeminars(c.Request().Context())
	if err != nil {
		return err
	}
	out := []adminSeminarJSON{}
	for _, sem := range seminars {
		out = append(out, adminSeminarView(sem))
	}
	return c.JSON(http.StatusOK, map[string]any{"seminars": out})
}
