package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// documentShow is GET /b/{reference}/documents/{file}: an invoice or credit note as PDF
// ({number}.pdf) or e-invoice XML ({number}.xml), or an attendee's certificate
// (certificate-{attendee id}.pdf). The manage token comes as ?t= or as a bearer token; without
// the right one every document is a 404, like an unknown booking.
func (s *Server) documentShow(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.bookings.Lookup(ctx, c.Param("reference"), documentToken(c))
	if err != nil {
		return err
	}
	name, ext, ok := cutExtension(c.Param("file"))
	if !ok {
		return echo.ErrNotFound
	}
	var body []byte
	contentType := "application/pdf"
	if idText, isCertificate := strings.CutPrefix(name, "certificate-"); isCertificate && ext == "pdf" {
		body, err = s.certificate(b, idText)
	} else {
		body, contentType, err = s.invoiceFile(ctx, b, name, ext)
	}
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", c.Param("file")))
	return c.Blob(http.StatusOK, contentType, body)
}

// invoiceFile is the stored file of the booking's document with number: its PDF or its
// e-invoice XML (ext names the kind), exactly as rendered once after it was issued.
func (s *Server) invoiceFile(ctx context.Context, b model.Booking, number, ext string) ([]byte, string, error) {
	inv, err := s.store.InvoiceByNumber(ctx, number)
	if err != nil {
		return nil, "", err
	}
	if inv.BookingID != b.ID {
		return nil, "", fmt.Errorf("document %s of another booking: %w", number, model.ErrNotFound)
	}
	doc, err := s.issued.File(ctx, inv, ext)
	return doc.Data, doc.ContentType, err
}

// cutExtension splits "RE-2026-00001.pdf" into name and a known extension.
func cutExtension(file string) (name, ext string, ok bool) {
	i := strings.LastIndex(file, ".")
	if i <= 0 {
		return "", "", false
	}
	name, ext = file[:i], file[i+1:]
	return name, ext, ext == "pdf" || ext == "xml"
}

// certificate renders the certificate of the booking's attendee with id idText.
func (s *Server) certificate(b model.Booking, idText string) ([]byte, error) {
	id, err := model.ParseID("attendee", idText)
	if err != nil {
		return nil, fmt.Errorf("certificate %q: %w", idText, model.ErrNotFound)
	}
	for _, a := range b.Attendees {
		if a.ID == id {
			return s.renderer.Certificate(b, a, s.seller, s.cfg.TrainerName)
		}
	}
	return nil, fmt.Errorf("certificate for attendee %d: %w", id, invoice.ErrNotCheckedIn)
}

// documentToken is the manage token of a document request: the link's ?t= or a bearer token
// (API clients that hold the token need not put it in a URL).
func documentToken(c echo.Context) string {
	if t := c.QueryParam("t"); t != "" {
		return t
	}
	return bearerToken(c)
}
