package web

import (
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
)

// languageSet remembers the chosen language in a cookie and goes on to the page's twin in that
// language (switchLink builds the link).
func (s *Server) languageSet(c echo.Context) error {
	lang := i18n.Supported(c.Param("lang"))
	if lang == "" {
		return echo.ErrNotFound
	}
	s.rememberLanguage(c, lang)
	return redirect(c, localPath(c.QueryParam("next")))
}

// localPath returns next if it is a path on this site and "/" otherwise, so the switch cannot send
// people elsewhere: browsers drop tabs and newlines and read "\" as "/", so "/\t/evil.example"
// would be "//evil.example", another host.
func localPath(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(next, "/") ||
		strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\x00\t\r\n") {
		return "/"
	}
	return next
}
