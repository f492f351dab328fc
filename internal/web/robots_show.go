package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// robotsShow lets crawlers read the public pages but not the back office, the manage links or
// the API, and names the sitemap.
func (s *Server) robotsShow(c echo.Context) error {
	body := "User-agent: *\n" +
		"Allow: /\n" +
		"Disallow: /admin\n" +
		"Disallow: /a/\n" +
		"Disallow: /en/a/\n" +
		"Disallow: /b/\n" +
		"Disallow: /en/b/\n" +
		"Disallow: /api/\n" +
		"\n" +
		"Sitemap: " + s.cfg.BaseURL + "/sitemap.xml\n"
	return c.Blob(http.StatusOK, "text/plain; charset=utf-8", []byte(body))
}
