package web

import "github.com/labstack/echo/v4"

// adminOutboxResend puts a failed item back in the queue (the same rule as the JSON API) and
// returns to the list of failed items.
func (s *Server) adminOutboxResend(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.office.ResendOutboxItem(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return redirect(c, "/admin/outbox?status=failed")
}
