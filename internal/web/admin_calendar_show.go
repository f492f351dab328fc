package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// calendarData is the calendar subscription page.
type calendarData struct {
	URL     string
	Renewed bool
}

// adminCalendarShow shows the URL of the trainer's calendar feed, and to owners the renew button.
func (s *Server) adminCalendarShow(c echo.Context) error {
	url, err := s.calendar.URL(c.Request().Context())
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("calendar.admin.title")
	// The page shows a secret URL: not for any cache.
	c.Response().Header().Set("Cache-Control", "no-store")
	return s.render(c, http.StatusOK, pageAdminCalendar, title, calendarData{URL: url, Renewed: c.QueryParam("renewed") != ""}, nil)
}
