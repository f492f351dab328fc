package web

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// healthShow answers 200 when the database answers and 503 when it does not (or the store is
// shutting down). It asks a reader connection (store.Reachable), so under a booking storm it does
// not wait behind the writer.
func (s *Server) healthShow(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Reachable(ctx); err != nil {
		if clientGone(c, err) {
			return err // the prober hung up: says nothing about the database
		}
		s.log.Warn("health check failed", "error", err)
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "database": "down"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok", "database": "up"})
}
