package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminPasswordForgotCreate mails a reset link when the address has an account, and answers the
// same either way, so the form cannot be used to find out who has one.
func (s *Server) adminPasswordForgotCreate(c echo.Context) error {
	email := strings.TrimSpace(c.FormValue("email"))
	d := passwordForgotData{Email: email}
	if email == "" {
		errs := map[string]string{"email": "error.required"}
		return s.renderPasswordForgot(c, http.StatusUnprocessableEntity, d, s.translate(c, errs))
	}
	err := s.auth.RequestPasswordReset(c.Request().Context(), email, c.RealIP(), language(c))
	if errors.Is(err, model.ErrThrottled) {
		d.Problem = s.i18n.For(language(c)).T("account.forgot.throttled")
		return s.renderPasswordForgot(c, http.StatusTooManyRequests, d, nil)
	}
	if err != nil {
		return err
	}
	return s.renderPasswordForgot(c, http.StatusOK, passwordForgotData{Sent: true}, nil)
}
