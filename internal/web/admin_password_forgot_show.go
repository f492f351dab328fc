package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminPasswordForgotShow asks for the e-mail of the account whose password was forgotten.
func (s *Server) adminPasswordForgotShow(c echo.Context) error {
	return s.renderPasswordForgot(c, http.StatusOK, passwordForgotData{}, nil)
}

func (s *Server) renderPasswordForgot(c echo.Context, status int, d passwordForgotData, errs map[string]string) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	d.Minutes = int(s.auth.Settings().ResetLinkTTL.Minutes())
	title := s.i18n.For(language(c)).T("account.forgot.title")
	return s.render(c, status, pageAdminPasswordForgot, title, d, errs)
}
