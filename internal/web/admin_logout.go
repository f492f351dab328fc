package web

import "github.com/labstack/echo/v4"

// adminLogout ends the session on the server and deletes the cookie.
func (s *Server) adminLogout(c echo.Context) error {
	if err := s.auth.SignOut(c.Request().Context(), sessionSecret(c)); err != nil {
		return err
	}
	s.setSessionCookie(c, "")
	return redirect(c, "/admin/login")
}
