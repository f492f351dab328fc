package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

const (
	adminSessionCookie = "seminars_admin"
	staffContextKey    = "staff"
)

// requireStaff lets signed-in staff through; everyone else is sent to the sign-in page (303), or
// gets 401 when they asked for JSON.
func (s *Server) requireStaff() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", "no-store")
			user, err := s.auth.Session(c.Request().Context(), sessionSecret(c))
			to, halfSignedIn := stagePage(err)
			if errors.Is(err, model.ErrUnauthenticated) || halfSignedIn {
				if wantsJSON(c) {
					return echo.NewHTTPError(http.StatusUnauthorized)
				}
				if halfSignedIn {
					return redirect(c, to) // the password was right: the code (or its setup) is due
				}
				return redirect(c, "/admin/login")
			}
			if err != nil {
				return err
			}
			c.Set(staffContextKey, user)
			return next(c)
		}
	}
}

// requireOwner refuses everyone but owners and owners' API tokens (403): money operations are
// theirs alone.
func (s *Server) requireOwner() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !actsAsOwner(c) {
				return model.ErrForbiddenRole
			}
			return next(c)
		}
	}
}

// staff returns the signed-in staff user set by requireStaff.
func staff(c echo.Context) (model.StaffUser, bool) {
	u, ok := c.Get(staffContextKey).(model.StaffUser)
	return u, ok
}

func sessionSecret(c echo.Context) string {
	if ck, err := c.Cookie(adminSessionCookie); err == nil {
		return ck.Value
	}
	return ""
}

// setSessionCookie hands the browser its session; an empty secret deletes the cookie. The
// cookie has no Max-Age: the server ends the session, the browser forgets it when closed.
func (s *Server) setSessionCookie(c echo.Context, secret string) {
	ck := &http.Cookie{
		Name: adminSessionCookie, Value: secret, Path: "/admin",
		HttpOnly: true, Secure: s.secureCookies(), SameSite: http.SameSiteLaxMode,
	}
	if secret == "" {
		ck.MaxAge = -1
	}
	c.SetCookie(ck)
}

const apiTokenContextKey = "api_token"

// actor names who makes a change, for the audit log: the signed-in staff user's e-mail, or the
// admin API token's name.
func actor(c echo.Context) string {
	if u, ok := staff(c); ok {
		return u.Email
	}
	if t, ok := c.Get(apiTokenContextKey).(model.APIToken); ok {
		return "api:" + t.Name
	}
	return "unknown"
}

// requireOwnerFor refuses (403) a change that only an owner may make, such as a price: prices
// are money, and assistants do no money operations.
func requireOwnerFor(c echo.Context, changesMoney bool) error {
	if changesMoney && !actsAsOwner(c) {
		return model.ErrForbiddenRole
	}
	return nil
}

// actsAsOwner tells whether the request comes from an owner: a signed-in owner, or an API token
// made with the owner's role.
func actsAsOwner(c echo.Context) bool {
	if u, ok := staff(c); ok {
		return u.IsOwner()
	}
	t, ok := c.Get(apiTokenContextKey).(model.APIToken)
	return ok && t.IsOwner()
}
