package web

import (
	"github.com/labstack/echo/v4"
)

// adminTOTPDisable turns the user's two-step sign-in off; it takes a current code.
func (s *Server) adminTOTPDisable(c echo.Context) error {
	err := s.auth.DisableTOTP(c.Request().Context(), staffSession(c).UserID, c.FormValue("code"), c.RealIP())
	if status, key, ok := codeProblem(err); ok {
		return s.renderAccount(c, status, accountData{Problem: s.i18n.For(language(c)).T(key)})
	}
	if err != nil {
		return err
	}
	return redirect(c, "/admin/account?done=totp_off")
}
