package web

import (
	"bytes"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/accounting"
)

// exportZM is GET /api/v1/admin/exports/zm?quarter=2026-Q1 (and /admin/exports/zm.csv): the
// figures of the Zusammenfassende Meldung, reverse-charge sales per customer VAT ID.
func (s *Server) exportZM(c echo.Context) error {
	p, err := accounting.Quarter(c.QueryParam("quarter"), s.cfg.Location)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.exports.WriteZM(c.Request().Context(), &buf, p); err != nil {
		return err
	}
	download(c, accounting.ZMName(p))
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}
