package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// calendarFeedShow serves the trainer's calendar feed at /calendar/{secret}.ics. A wrong, old or
// renewed secret gets the same 404 as a missing page.
func (s *Server) calendarFeedShow(c echo.Context) error {
	presented, ok := strings.CutSuffix(c.Param("file"), ".ics")
	if !ok {
		return echo.ErrNotFound
	}
	body, err := s.calendar.Feed(c.Request().Context(), presented)
	if err != nil {
		return err
	}
	// Calendar apps poll the feed; a shared cache must not keep a copy of a secret URL's answer.
	c.Response().Header().Set("Cache-Control", "private, no-cache")
	return c.Blob(http.StatusOK, "text/calendar; charset=utf-8", body)
}
