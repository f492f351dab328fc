package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminBookingCertificateShow is a checked-in attendee's certificate of attendance as the back
// office downloads it: the same PDF the attendee's link serves.
func (s *Server) adminBookingCertificateShow(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), strings.ToUpper(strings.TrimSpace(c.Param("reference"))))
	if err != nil {
		return err
	}
	pdf, err := s.certificate(b, c.Param("attendee"))
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf("inline; filename=%q", "certificate-"+c.Param("attendee")+".pdf"))
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}
