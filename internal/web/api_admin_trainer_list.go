package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminTrainerList is GET /api/v1/admin/trainers: every trainer, by name.
func (s *Server) apiAdminTrainerList(c echo.Context) error {
	records, err := s.store.Trainers(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]adminTrainerJSON, 0, len(records))
	for _, r := range records {
		out = append(out, adminTrainerView(r))
	}
	return c.JSON(http.StatusOK, map[string]any{"trainers": out})
}
