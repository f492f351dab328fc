package web

import (
	"fmt"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminMaterialFile is GET /admin/materials/{id}/file: the trainer downloads an uploaded file
// as the attendees get it.
func (s *Server) adminMaterialFile(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.store.MaterialByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.sendMaterial(c, m)
}

// sendMaterial answers with a file material's stored bytes as a download: always an attachment
// (never shown inline, so an uploaded HTML or SVG file cannot run in our origin), with the type
// from the fixed table, nosniff and a sandbox CSP as a second line of defence, and no caching of
// a response whose URL may carry a secret.
func (s *Server) sendMaterial(c echo.Context, m model.Material) error {
	if m.Kind != model.MaterialFile {
		return fmt.Errorf("material %d is a link, not a file: %w", m.ID, model.ErrNotFound)
	}
	data, err := s.store.MaterialData(c.Request().Context(), m.ID)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentDisposition, attachmentDisposition(m.FileName))
	h.Set(echo.HeaderXContentTypeOptions, "nosniff")
	h.Set(echo.HeaderContentSecurityPolicy, "sandbox; default-src 'none'")
	privateHeaders(c)
	return c.Blob(http.StatusOK, m.ContentType, data)
}

// attachmentDisposition is the Content-Disposition of a download named name: mime's encoding
// gives an ASCII name as is and any other as an RFC 2231 filename* (UTF-8, percent-encoded),
// which browsers read.
func attachmentDisposition(name string) string {
	if v := mime.FormatMediaType("attachment", map[string]string{"filename": name}); v != "" {
		return v
	}
	return "attachment"
}
