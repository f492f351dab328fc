package web

import (
	"github.com/labstack/echo/v4"

	"seminars/internal/accounting"
)

// exportPeriod reads ?from=YYYY-MM-DD&to=YYYY-MM-DD, both days included, in the service's time
// zone. A missing or malformed date is a *model.FieldError (400 with the parameter named).
func (s *Server) exportPeriod(c echo.Context) (accounting.Period, error) {
	return accounting.ParsePeriod(c.QueryParam("from"), c.QueryParam("to"), s.cfg.Location)
}

// download sets the headers of a file the browser saves under name.
func download(c echo.Context, name string) {
	h := c.Response().Header()
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
}
