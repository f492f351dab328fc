package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminMaterialDelete is DELETE /api/v1/admin/materials/{id}: the material (and a file's
// bytes) is gone for every attendee (204).
func (s *Server) apiAdminMaterialDelete(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.office.DeleteMaterial(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
