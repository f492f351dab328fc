package web

import (
	"github.com/labstack/echo/v4"

	"seminars/internal/store"
)

// adminOutboxResend puts a failed item back in the queue (the same rule as the JSON API) and
// returns to the list of failed items.
func (s *Server) adminOutboxResend(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.ResendOutboxItem(ctx, id, s.now().UTC()) }); err != nil {
		return err
	}
	return redirect(c, "/admin/outbox?status=failed")
}
