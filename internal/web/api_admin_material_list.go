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

// apiAdminDateMaterialList is GET /api/v1/admin/dates/{id}/materials: what the date's attendees
// get — the seminar's materials for every date and the date's own — each with when it is
// released for this date.
func (s *Server) apiAdminDateMaterialList(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	items, err := s.store.MaterialsForDate(c.Request().Context(), d)
	if err != nil {
		return err
	}
	out := make([]adminMaterialJSON, 0, len(items))
	for _, m := range items {
		v := adminMaterialView(m)
		at := m.ReleasedAt(d, s.cfg.Location).UTC()
		v.ReleasedAt = &at
		out = append(out, v)
	}
	return c.JSON(http.StatusOK, map[string]any{"materials": out})
}
