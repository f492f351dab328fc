package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminGDPRExport is GET /api/v1/admin/gdpr/export?email=: everything stored about one
// e-mail address (owners' tokens only), for an access request.
func (s *Server) apiAdminGDPRExport(c echo.Context) error {
	export, err := s.privacy.ExportPerson(c.Request().Context(), c.QueryParam("email"))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, export)
}
