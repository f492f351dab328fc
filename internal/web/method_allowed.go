package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// routeMethods are the methods a path may be asked with, in the order Allow lists them.
var routeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// knownRoutes is every route of the table as "METHOD path", built once after the routes are
// registered. The group catch-alls Echo adds for group middleware are not in it.
type knownRoutes map[string]bool

func newKnownRoutes(e *echo.Echo) knownRoutes {
	known := knownRoutes{}
	for _, r := range e.Routes() {
		if r.Method != echo.RouteNotFound {
			known[r.Method+" "+r.Path] = true
		}
	}
	return known
}

// methodAllowed answers a wrong method on a known path with 405 and an Allow header, before any
// group middleware (sign-in, CSRF, API token) can answer 401, 403 or 404 instead: Echo's group
// catch-alls otherwise turn every unknown method into a 404. HEAD is served by the GET route
// (net/http drops the body), OPTIONS answers 204 with Allow.
func (s *Server) methodAllowed() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			method := c.Request().Method
			if s.known[method+" "+c.Path()] {
				return next(c)
			}
			allowed := s.allowedMethods(c.Request())
			switch {
			case len(allowed) == 0: // an unknown path: the router's 404 stands
				return next(c)
			case method == http.MethodHead && slices.Contains(allowed, http.MethodGet):
				s.echo.Router().Find(http.MethodGet, routerPath(c.Request()), c)
				return c.Handler()(c)
			}
			c.Response().Header().Set(echo.HeaderAllow, strings.Join(allowed, ", "))
			if method == http.MethodOptions {
				return c.NoContent(http.StatusNoContent)
			}
			return echo.ErrMethodNotAllowed
		}
	}
}

// allowedMethods are the methods a route of the table takes at the request's path; HEAD goes
// with GET.
func (s *Server) allowedMethods(r *http.Request) []string {
	path := routerPath(r)
	var allowed []string
	for _, m := range routeMethods {
		probe := s.echo.NewContext(r, nil)
		s.echo.Router().Find(m, path, probe)
		if s.known[m+" "+probe.Path()] {
			allowed = append(allowed, m)
		}
	}
	if slices.Contains(allowed, http.MethodGet) && !slices.Contains(allowed, http.MethodHead) {
		allowed = slices.Insert(allowed, 1, http.MethodHead)
	}
	return allowed
}

// routerPath is the path as Echo's router matches it (the raw path when it has escapes).
func routerPath(r *http.Request) string {
	if r.URL.RawPath != "" {
		return r.URL.RawPath
	}
	return r.URL.Path
}
