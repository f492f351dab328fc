package web

import (
	"github.com/labstack/echo/v4"
)

// adminBookingAttentionHandled marks a booking that needed attention as handled (owners only:
// these are refunds) and goes back to the dashboard.
func (s *Server) adminBookingAttentionHandled(c echo.Context) error {
	if err := s.office.HandleAttention(c.Request().Context(), actor(c), c.Param("reference")); err != nil {
		return err
	}
	return redirect(c, "/admin?done=attention")
}
