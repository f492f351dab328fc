package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminBookingCertificateSend mails an attendee their certificate of attendance again.
func (s *Server) adminBookingCertificateSend(c echo.Context) error {
	reference := strings.ToUpper(strings.TrimSpace(c.Param("reference")))
	id, err := model.ParseID("attendee", c.Param("attendee"))
	if err != nil {
		return err
	}
	if err := s.office.SendCertificateAgain(c.Request().Context(), actor(c), reference, id); err != nil {
		return err
	}
	return redirect(c, bookingDetailPath(reference, "certificate_sent"))
}
