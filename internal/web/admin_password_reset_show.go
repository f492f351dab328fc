package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminPasswordResetShow opens a mailed reset link (/admin/reset?t=…): the form for the new
// password, or why the link does not work.
func (s *Server) adminPasswordResetShow(c echo.Context) error {
	token := c.QueryParam("t")
	r, err := s.auth.CheckPasswordReset(c.Request().Context(), token)
	if err != nil {
		return s.renderResetProblem(c, err)
	}
	return s.renderPasswordReset(c, http.StatusOK, passwordResetData{Token: token, Email: r.User.Email}, nil)
}

// renderResetProblem says why a link does not work (410 for a link that did once), or fails
// with what went wrong on our side.
func (s *Server) renderResetProblem(c echo.Context, err error) error {
	t := s.i18n.For(language(c))
	minutes := int(s.auth.Settings().ResetLinkTTL.Minutes())
	var key string
	status := http.StatusGone
	switch {
	case errors.Is(err, model.ErrResetExpired):
		key = "account.reset.expired"
	case errors.Is(err, model.ErrResetUsed):
		key = "account.reset.used"
	case errors.Is(err, model.ErrResetUnknown):
		key, status = "account.reset.unknown", http.StatusNotFound
	case errors.Is(err, model.ErrThrottled):
		key, status = "admin.login.throttled", http.StatusTooManyRequests
	default:
		return err
	}
	return s.renderPasswordReset(c, status, passwordResetData{Problem: t.T(key, "Minutes", minutes)}, nil)
}

func (s *Server) renderPasswordReset(c echo.Context, status int, d passwordResetData, errs map[string]string) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	title := s.i18n.For(language(c)).T("account.reset.title")
	return s.render(c, status, pageAdminPasswordReset, title, d, errs)
}
