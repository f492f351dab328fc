package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// attendeeCertificateShow is GET /a/{token}/certificate.pdf: the certificate of attendance, once
// the attendee was checked in and the date is over; before that it does not exist (404).
func (s *Server) attendeeCertificateShow(c echo.Context) error {
	a, b, err := s.attendeeByToken(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	if b.Status == model.BookingCancelled || s.now().Before(b.Date.EndsAt) {
		return fmt.Errorf("certificate of attendee %d before the end of the date: %w", a.ID, invoice.ErrNotCheckedIn)
	}
	pdf, err := s.renderer.Certificate(b, a, s.seller, s.cfg.TrainerName)
	if err != nil {
		return err
	}
	privateHeaders(c)
	name := "Teilnahmebescheinigung-" + b.Reference + ".pdf"
	if language(c) == "en" {
		name = "Certificate-of-attendance-" + b.Reference + ".pdf"
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf("inline; filename=%q", name))
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}
