package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminLoginCreate signs a staff user in: a new session (and cookie) on every sign-in, and the
// session the browser had before, if any, is ended so a planted id never becomes signed in.
func (s *Server) adminLoginCreate(c echo.Context) error {
	ctx := c.Request().Context()
	f := form.LoginFromValues(mustForm(c))
	d := loginData{Email: f.Email}
	t := s.i18n.For(language(c))
	if errs := f.Validate(); len(errs) > 0 {
		// No account can match: nothing to check, nothing to count, no session to end.
		d.Problem = t.T("admin.login.failed")
		if key, bad := errs["email"]; bad {
			d.Problem = t.T(key)
		}
		return s.renderLogin(c, http.StatusUnprocessableEntity, d, s.translate(c, errs))
	}
	if old := sessionSecret(c); old != "" {
		if err := s.auth.SignOut(ctx, old); err != nil {
			return err
		}
	}
	secret, user, err := s.auth.SignIn(ctx, f.Email, f.Password, c.RealIP())
	if err == nil || errors.Is(err, model.ErrBadCredentials) {
		s.hashes.giveBack() // a password was checked (a throttled or busy sign-in checks none)
	}
	switch {
	case errors.Is(err, model.ErrThrottled):
		d.Problem = t.T("admin.login.throttled")
		return s.renderLogin(c, http.StatusTooManyRequests, d, nil)
	case errors.Is(err, model.ErrSignInBusy):
		c.Response().Header().Set("Retry-After", "5")
		d.Problem = t.T("admin.login.busy")
		return s.renderLogin(c, http.StatusServiceUnavailable, d, nil)
	case errors.Is(err, model.ErrBadCredentials):
		d.Problem = t.T("admin.login.failed")
		return s.renderLogin(c, http.StatusUnprocessableEntity, d, nil)
	case err != nil:
		return err
	}
	s.setSessionCookie(c, secret)
	switch s.auth.NextStage(user) {
	case model.SessionNeedsCode: // the session opens nothing until the code is given
		return redirect(c, pathLoginCode)
	case model.SessionNeedsTOTP:
		return redirect(c, pathTOTPSetup)
	}
	return redirect(c, "/admin")
}
