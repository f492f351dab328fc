package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminTOTPSetupBegin makes a new key for the setup (again, if one was made and not confirmed).
func (s *Server) adminTOTPSetupBegin(c echo.Context) error {
	err := s.auth.BeginTOTP(c.Request().Context(), staffSession(c).UserID)
	if errors.Is(err, model.ErrTOTPState) {
		return redirect(c, "/admin/account") // on already
	}
	if err != nil {
		return err
	}
	return redirect(c, pathTOTPSetup)
}
