package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminLoginShow shows the sign-in form.
func (s *Server) adminLoginShow(c echo.Context) error {
	return s.renderLogin(c, http.StatusOK, loginData{PasswordReset: c.QueryParam("done") == "reset"}, nil)
}

func (s *Server) renderLogin(c echo.Context, status int, d loginData, errs map[string]string) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	title := s.i18n.For(language(c)).T("admin.login.title")
	return s.render(c, status, pageAdminLogin, title, d, errs)
}
