package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVenueList is GET /api/v1/admin/venues: every venue, by name.
func (s *Server) apiAdminVenueList(c echo.Context) error {
	records, err := s.store.Venues(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]adminVenueJSON, 0, len(records))
	for _, r := range records {
		out = append(out, adminVenueView(r))
	}
	return c.JSON(http.StatusOK, map[string]any{"venues": out})
}
