package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// apiAdminInvoiceFile is GET /api/v1/admin/invoices/{number}/{kind} (and the same under /admin):
// the stored PDF (kind pdf) or e-invoice XML (kind xml) of an invoice or credit note, the bytes
// stored when it was issued.
func (s *Server) apiAdminInvoiceFile(c echo.Context) error {
	kind := c.Param("kind")
	if kind != model.DocumentPDF && kind != model.DocumentXML {
		return fmt.Errorf("document kind %q: %w", kind, model.ErrNotFound)
	}
	ctx := c.Request().Context()
	inv, err := s.store.InvoiceByNumber(ctx, c.Param("number"))
	if err != nil {
		return err
	}
	doc, err := s.issued.File(ctx, inv, kind)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf("inline; filename=%q", invoice.FileName(inv, kind)))
	return c.Blob(http.StatusOK, doc.ContentType, doc.Data)
}
