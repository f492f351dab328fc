package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
)

// languageSet remembers the chosen language in a cookie and goes back to the page it came from.
func (s *Server) languageSet(c echo.Context) error {
	lang := i18n.Supported(c.Param("lang"))
	if lang == "" {
		return echo.ErrNotFound
	}
	c.SetCookie(&http.Cookie{
		Name: langCookie, Value: lang, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, Secure: s.secureCookies(), SameSite: http.SameSiteLaxMode,
	})
	next := c.QueryParam("next")
	// Only local paths, so the switch cannot be used to send people elsewhere.
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		next = "/"
	}
	return redirect(c, next)
}
