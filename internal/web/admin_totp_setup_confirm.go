package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminTOTPSetupConfirm turns two-step sign-in on with the first code from the app and shows the
// recovery codes, once (the page is not cached; only their hashes are stored). A session that had
// to set it up first becomes a signed-in one with a new id.
func (s *Server) adminTOTPSetupConfirm(c echo.Context) error {
	codes, newSession, err := s.auth.ConfirmTOTP(c.Request().Context(), sessionSecret(c), c.FormValue("code"), c.RealIP())
	if status, key, ok := codeProblem(err); ok {
		return s.renderTOTPSetup(c, status, totpSetupData{Problem: s.i18n.For(language(c)).T(key)})
	}
	if err != nil {
		return err
	}
	if newSession != "" {
		s.setSessionCookie(c, newSession)
	}
	// The session is signed in now (a new one, if it was made for the setup): the page shows the
	// back office's nav.
	sess := staffSession(c)
	sess.Stage = model.SessionSignedIn
	c.Set(staffSessionContextKey, sess)
	if sess.User != nil {
		c.Set(staffContextKey, *sess.User)
	}
	return s.renderTOTPSetup(c, http.StatusOK, totpSetupData{Codes: codes})
}
