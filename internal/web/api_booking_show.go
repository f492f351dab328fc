package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// apiBookingShow is GET /api/v1/bookings/{reference} with the manage token as bearer; a wrong or
// missing token is answered exactly like an unknown reference (404).
func (s *Server) apiBookingShow(c echo.Context) error {
	token, _ := strings.CutPrefix(c.Request().Header.Get("Authorization"), "Bearer ")
	b, err := s.bookings.Lookup(c.Request().Context(), c.Param("reference"), strings.TrimSpace(token))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	view := s.bookingView(b, language(c))
	if view.Documents, err = s.documents(c.Request().Context(), b, authorizationToken(c)); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, view)
}
