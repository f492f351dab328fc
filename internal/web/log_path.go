package web

import "github.com/labstack/echo/v4"

// secretPaths are the routes whose path itself is a secret (the trainer's calendar feed), with
// what the logs show instead. Other secrets travel in the query string, which is never logged.
var secretPaths = map[string]string{
	"/calendar/:file":              "/calendar/{secret}.ics",
	"/a/:token":                    "/a/{secret}",
	"/a/:token/qr.png":             "/a/{secret}/qr.png",
	"/a/:token/invite.ics":         "/a/{secret}/invite.ics",
	"/a/:token/certificate.pdf":    "/a/{secret}/certificate.pdf",
	"/en/a/:token":                 "/en/a/{secret}",
	"/en/a/:token/qr.png":          "/en/a/{secret}/qr.png",
	"/en/a/:token/invite.ics":      "/en/a/{secret}/invite.ics",
	"/en/a/:token/certificate.pdf": "/en/a/{secret}/certificate.pdf",
}

// loggedPath is the request's path as logs may show it: without a secret in it.
func loggedPath(c echo.Context) string {
	if redacted, ok := secretPaths[c.Path()]; ok {
		return redacted
	}
	return c.Request().URL.Path
}
