package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminTrainerShow is GET /api/v1/admin/trainers/{id}.
func (s *Server) apiAdminTrainerShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.store.TrainerByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, adminTrainerView(r))
}
