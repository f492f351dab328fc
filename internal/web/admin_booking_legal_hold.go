package web

import (
	"github.com/labstack/echo/v4"
)

// adminBookingLegalHold sets or lifts a booking's legal hold from its detail page (owners only:
// it decides how long documents are kept). The form's hold field is "on" or "off"; the change
// is audited by the same use case as `seminars gdpr hold`.
func (s *Server) adminBookingLegalHold(c echo.Context) error {
	hold := c.FormValue("hold") == "on"
	if err := s.privacy.SetLegalHold(c.Request().Context(), actor(c), c.Param("reference"), hold); err != nil {
		return err
	}
	done := "legal_hold_off"
	if hold {
		done = "legal_hold_on"
	}
	return redirect(c, bookingDetailPath(c.Param("reference"), done))
}
