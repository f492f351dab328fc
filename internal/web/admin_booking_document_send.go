package web

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// adminBookingDocumentSend mails one of the booking's issued invoices or credit notes to its
// billing contact again, the stored files attached ("can you send me the invoice again?").
func (s *Server) adminBookingDocumentSend(c echo.Context) error {
	reference := strings.ToUpper(strings.TrimSpace(c.Param("reference")))
	if _, err := s.office.SendDocumentAgain(c.Request().Context(), actor(c), reference, c.Param("number")); err != nil {
		return err
	}
	return redirect(c, bookingDetailPath(reference, "document_sent"))
}
