package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiAdminDateConfirm is POST /api/v1/admin/dates/{id}/confirm: the trainer confirms that the
// date takes place (backoffice.ConfirmRun). 200 with the date, now guaranteed; 409 for a date
// that is cancelled, a draft, started or confirmed already; 404 for an unknown date.
func (s *Server) apiAdminDateConfirm(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := s.office.ConfirmRun(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.adminDateView(d))
}
