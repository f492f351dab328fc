package web

import "github.com/labstack/echo/v4"

// adminLoginCodeCreate checks the second step of sign-in; a right code replaces the
// half-signed-in session by a signed-in one with a new id.
func (s *Server) adminLoginCodeCreate(c echo.Context) error {
	secret, _, err := s.auth.CompleteSignIn(c.Request().Context(), sessionSecret(c), c.FormValue("code"), c.RealIP())
	if status, key, ok := codeProblem(err); ok {
		return s.renderLoginCode(c, status, loginCodeData{Problem: s.i18n.For(language(c)).T(key)})
	}
	if err != nil {
		return err
	}
	s.setSessionCookie(c, secret)
	return redirect(c, "/admin")
}
