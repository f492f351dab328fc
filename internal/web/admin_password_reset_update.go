package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminPasswordResetUpdate sets the new password of a reset link; the link is used up and every
// session of the account ends, including one this browser had.
func (s *Server) adminPasswordResetUpdate(c echo.Context) error {
	ctx := c.Request().Context()
	token := c.FormValue("t")
	_, err := s.auth.ResetPassword(ctx, token, c.FormValue("password"), c.FormValue("password_confirm"), c.RealIP())
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		d := passwordResetData{Token: token}
		if r, cerr := s.auth.CheckPasswordReset(ctx, token); cerr == nil {
			d.Email = r.User.Email
		} else {
			return s.renderResetProblem(c, cerr)
		}
		return s.renderPasswordReset(c, http.StatusUnprocessableEntity, d, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return s.renderResetProblem(c, err)
	}
	s.setSessionCookie(c, "")
	return redirect(c, "/admin/login?done=reset")
}
