package web

import (
	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// attendeeFeedbackConsent is POST /a/{token}/feedback/consent: the checkbox on the attendee's
// page that says whether we may ask for feedback by mail after the date (ticked: yes; not
// ticked: no, or consent withdrawn). Only the attendee gives it — the booker cannot agree to
// advertising mail for someone else.
func (s *Server) attendeeFeedbackConsent(c echo.Context) error {
	token := c.Param("token")
	a, _, err := s.attendeeByToken(c.Request().Context(), token)
	if err != nil {
		return err
	}
	if err := s.feedback.SetConsent(c.Request().Context(), a, c.FormValue("consent") != "", model.ConsentAttendeePage); err != nil {
		return err
	}
	return redirect(c, href(c, "/a/"+token+"?consent=saved#feedback"))
}
