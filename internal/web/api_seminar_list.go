package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiSeminarList is GET /api/v1/seminars: the catalogue as JSON, with the same filters as the
// page (function, format, city, month).
func (s *Server) apiSeminarList(c echo.Context) error {
	now := s.now()
	all, err := s.store.Catalogue(c.Request().Context(), now)
	if err != nil {
		return err
	}
	lang := language(c)
	out := []seminarJSON{}
	for _, sem := range filterFromQuery(c).apply(all, s.cfg.Location) {
		out = append(out, s.seminarView(sem, lang, now))
	}
	return c.JSON(http.StatusOK, map[string]any{"seminars": out})
}
