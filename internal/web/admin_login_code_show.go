package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminLoginCodeShow asks a user whose password was right for the code from the app (or a
// recovery code); until it is given the session opens nothing else.
func (s *Server) adminLoginCodeShow(c echo.Context) error {
	return s.renderLoginCode(c, http.StatusOK, loginCodeData{})
}

func (s *Server) renderLoginCode(c echo.Context, status int, d loginCodeData) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	title := s.i18n.For(language(c)).T("account.code.title")
	return s.render(c, status, pageAdminLoginCode, title, d, nil)
}
