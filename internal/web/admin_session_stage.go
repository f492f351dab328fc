package web

import (
	"errors"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

const staffSessionContextKey = "staff_session"

// Where a half-signed-in session is sent: the one page of the step still due.
const (
	pathLoginCode = "/admin/login/code"
	pathTOTPSetup = "/admin/account/totp"
)

// stagePage is the page of the step an error of auth.Session says is due.
func stagePage(err error) (string, bool) {
	switch {
	case errors.Is(err, model.ErrCodeDue):
		return pathLoginCode, true
	case errors.Is(err, model.ErrTOTPSetupDue):
		return pathTOTPSetup, true
	}
	return "", false
}

// requireStage lets a session through whose sign-in is at one of stages: the pages of the second
// step take half-signed-in sessions, which requireStaff refuses. Anyone else goes to the sign-in
// page. A signed-in session also sets the staff user, so the page shows the back office's nav.
func (s *Server) requireStage(stages ...model.SessionStage) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", "no-store")
			sess, err := s.auth.SessionAt(c.Request().Context(), sessionSecret(c))
			if errors.Is(err, model.ErrUnauthenticated) {
				return redirect(c, "/admin/login")
			}
			if err != nil {
				return err
			}
			if !slices.Contains(stages, sess.Stage) {
				switch sess.Stage {
				case model.SessionSignedIn:
					return redirect(c, "/admin")
				case model.SessionNeedsCode:
					return redirect(c, pathLoginCode)
				case model.SessionNeedsTOTP:
					return redirect(c, pathTOTPSetup)
				}
				return echo.NewHTTPError(http.StatusForbidden)
			}
			c.Set(staffSessionContextKey, sess)
			if sess.Stage == model.SessionSignedIn {
				c.Set(staffContextKey, *sess.User)
			}
			return next(c)
		}
	}
}

// staffSession returns the session set by requireStage.
func staffSession(c echo.Context) model.StaffSession {
	sess, _ := c.Get(staffSessionContextKey).(model.StaffSession)
	return sess
}
