package web

import (
	"bytes"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/accounting"
)

// exportDATEV is GET /api/v1/admin/exports/datev?from=&to= (and /admin/exports/datev.csv): the
// invoices and credit notes of the period as a DATEV Buchungsstapel (EXTF, Windows-1252). A
// period across the start of a fiscal year is refused (400): DATEV takes one per file.
func (s *Server) exportDATEV(c echo.Context) error {
	p, err := s.exportPeriod(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer // built whole, so a failure is still a clean error answer
	if err := s.exports.WriteDATEV(c.Request().Context(), &buf, p); err != nil {
		return err
	}
	download(c, accounting.FileName(p))
	return c.Blob(http.StatusOK, "text/csv; charset=windows-1252", buf.Bytes())
}
