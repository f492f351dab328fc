package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
)

// actionSwitchLanguage is the value of the language switch button on form pages (name "action").
const actionSwitchLanguage = "switch_language"

// englishPrefix starts every English public path: /en/, /en/seminars/<slug>, /en/impressum. German
// pages keep the unprefixed paths, so a page's language is in its URL and search engines see both.
const englishPrefix = "/en"

// languageOfPath returns the language a path is in: "en" under /en/, "de" elsewhere, and "" for
// the back office and the API, which have one URL and follow the visitor's preference.
func languageOfPath(path string) string {
	switch {
	case path == englishPrefix || strings.HasPrefix(path, englishPrefix+"/"):
		return "en"
	case isBackOffice(path) || strings.HasPrefix(path, "/api/"):
		return ""
	}
	return "de"
}

// isBackOffice tells whether a path belongs to the back office.
func isBackOffice(path string) bool { return path == "/admin" || strings.HasPrefix(path, "/admin/") }

// germanPath strips the English prefix: the path of the page's German twin. It is the key every
// language shares (the sitemap, canonical and hreflang are built from it).
func germanPath(path string) string {
	if languageOfPath(path) != "en" {
		return path
	}
	if rest := strings.TrimPrefix(path, englishPrefix); rest != "" {
		return rest
	}
	return "/"
}

// localized returns the path of the German page path in lang: "/seminars/x" is "/en/seminars/x"
// in English. A query stays as it is.
func localized(lang, path string) string {
	if lang != "en" {
		return path
	}
	return englishPrefix + path
}

// preferredLanguage is the visitor's preference: the language cookie (set by the switch), else
// Accept-Language, else German. It decides only where "/" leads and the back office's language.
func (s *Server) preferredLanguage(c echo.Context) string {
	if ck, err := c.Cookie(langCookie); err == nil {
		if lang := i18n.Supported(ck.Value); lang != "" {
			return lang
		}
	}
	return s.i18n.Match(c.Request().Header.Get("Accept-Language"))
}

// rememberLanguage stores the visitor's choice in the language cookie.
func (s *Server) rememberLanguage(c echo.Context, lang string) {
	c.SetCookie(&http.Cookie{
		Name: langCookie, Value: lang, Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, Secure: s.secureCookies(), SameSite: http.SameSiteLaxMode,
	})
}

// href is a German path in the request's language, for redirects.
func href(c echo.Context, path string) string { return localized(language(c), path) }

// switchLink is where the language switch leads: through /lang/{other}, which remembers the
// choice, to the same page in the other language. Public pages have a twin under /en/ (or
// without it); a back-office page stays the same page. The query (a manage link's token, the
// catalogue's filters) goes along; next is encoded once.
func switchLink(requestURL *url.URL, other string) string {
	next := requestURL.Path
	if !isBackOffice(next) {
		next = localized(other, germanPath(next))
	}
	if requestURL.RawQuery != "" {
		next += "?" + requestURL.RawQuery
	}
	return "/lang/" + other + "?next=" + url.QueryEscape(next)
}
