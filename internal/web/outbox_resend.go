package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// outboxResend is POST /api/v1/admin/outbox/:id/resend: a failed item goes back into the queue
// with a fresh count of attempts; the worker sends it on its next round. Items that are pending
// or done answer 409.
func (s *Server) outboxResend(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	item, err := s.office.ResendOutboxItem(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, outboxItemView(item))
}
