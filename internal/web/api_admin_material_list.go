package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminMaterialList is GET /api/v1/admin/seminars/{id}/materials: every material of the
// seminar, for all its dates (date_id null) and for single ones.
func (s *Server) apiAdminMaterialList(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	items, err := s.store.MaterialsOfSeminar(c.Request().Context(), sem.ID)
	if err != nil {
		return err
	}
	out := make([]adminMaterialJSON, 0, len(items))
	for _, m := range items {
		out = append(out, adminMaterialView(m))
	}
	return c.JSON(http.StatusOK, map[string]any{"materials": out})
}
