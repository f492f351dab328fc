package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminSeminarList lists the seminars a page at a time, each with the number of its dates (counted
// in SQL: the page does not read the dates, whose history only grows).
func (s *Server) adminSeminarList(c echo.Context) error {
	r := readPage(c, adminPerPage, adminPerPage)
	if r.Invalid != nil {
		return pageRedirect(c, r)
	}
	rows, total, err := s.store.AdminSeminarsPage(c.Request().Context(), r.offset(), r.PerPage)
	if err != nil {
		return err
	}
	pg := newPager(c.Request().URL.Path, c.QueryParams(), r, total)
	if pg.pastEnd() {
		return redirect(c, pg.Prev) // the last page
	}
	title := s.i18n.For(language(c)).T("admin.seminars.title")
	return s.render(c, http.StatusOK, pageAdminSeminars, title, seminarListData{Seminars: rows, Pager: pg}, nil)
}
