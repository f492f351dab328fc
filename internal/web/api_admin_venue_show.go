package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminVenueShow is GET /api/v1/admin/venues/{id}.
func (s *Server) apiAdminVenueShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.store.VenueByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, adminVenueView(r))
}
