package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/store"
)

// outboxResend is POST /api/v1/admin/outbox/:id/resend: a failed item goes back into the queue
// with a fresh count of attempts; the worker sends it on its next round. Items that are pending
// or done answer 409.
func (s *Server) outboxResend(c echo.Context) error {
	id, err := strconv.ParseUint(c.Param("id"), 10, 64)
	if err != nil {
		return echo.ErrNotFound
	}
	ctx := c.Request().Context()
	err = s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.ResendOutboxItem(ctx, uint(id), s.now().UTC()) })
	if err != nil {
		return err
	}
	item, err := s.store.OutboxItemByID(ctx, uint(id))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, outboxItemView(item))
}
