package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminSeminarList lists every seminar with its dates.
func (s *Server) adminSeminarList(c echo.Context) error {
	seminars, err := s.store.AdminSeminarsWithDates(c.Request().Context())
	if err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.seminars.title")
	return s.render(c, http.StatusOK, pageAdminSeminars, title, seminarListData{Seminars: seminars}, nil)
}
