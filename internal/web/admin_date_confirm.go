package web

import (
	"fmt"

	"github.com/labstack/echo/v4"
)

// adminDateConfirm is the trainer's decision that a date takes place (backoffice.ConfirmRun):
// every confirmed booking and attendee is told, and the date shows as guaranteed. A date that
// cannot be confirmed (cancelled, started, confirmed already) answers 409 and nothing changes.
func (s *Server) adminDateConfirm(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.office.ConfirmRun(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees?confirmed=1#decision", id))
}
