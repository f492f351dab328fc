package web

import (
	"bytes"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/accounting"
)

// exportDocuments is GET /api/v1/admin/exports/documents.zip?from=&to= (and
// /admin/exports/documents.zip): a ZIP of the stored PDF and XML of every invoice and credit
// note issued in the period.
func (s *Server) exportDocuments(c echo.Context) error {
	p, err := s.exportPeriod(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.exports.WriteDocumentsZIP(c.Request().Context(), &buf, p); err != nil {
		return err
	}
	download(c, accounting.DocumentsZIPName(p))
	return c.Blob(http.StatusOK, "application/zip", buf.Bytes())
}
