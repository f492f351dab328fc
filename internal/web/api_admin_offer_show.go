package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminOfferShow is GET /api/v1/admin/offers/{id}: one offer with its private links.
func (s *Server) apiAdminOfferShow(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	o, err := s.store.OfferByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.adminOfferView(o))
}
