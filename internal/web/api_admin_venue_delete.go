package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVenueDelete is DELETE /api/v1/admin/venues/{id}: 204; one that dates still name
// answers 409 and stays.
func (s *Server) apiAdminVenueDelete(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.office.DeleteVenue(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
