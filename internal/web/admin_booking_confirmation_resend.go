package web

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// adminBookingConfirmationResend sends a confirmed booking's confirmation to its billing contact
// again (both roles: "I cannot find your mail" is a phone call an assistant answers). The mail
// carries a new manage link; the one sent before stops working.
func (s *Server) adminBookingConfirmationResend(c echo.Context) error {
	reference := strings.ToUpper(strings.TrimSpace(c.Param("reference")))
	b, err := s.office.ResendConfirmation(c.Request().Context(), actor(c), reference)
	if err != nil {
		return err
	}
	return redirect(c, bookingDetailPath(b.Reference, "confirmation"))
}
