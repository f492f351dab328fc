package web

import (
	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
)

// inLanguage serves a route in one language whatever the cookie or Accept-Language say: the
// English twin of a German page (/en/kompetenz-check) is English for everyone who opens its URL.
func (s *Server) inLanguage(lang string) echo.MiddlewareFunc {
	lang = i18n.Supported(lang)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Set(langContextKey, lang)
			return next(c)
		}
	}
}
