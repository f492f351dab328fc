package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// catalogueShow is the home page: every seminar with its upcoming dates, filterable.
func (s *Server) catalogueShow(c echo.Context) error {
	all, err := s.store.Catalogue(c.Request().Context(), s.now())
	if err != nil {
		return err
	}
	filter := filterFromQuery(c)
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageCatalogue, t.T("catalogue.title"), catalogueData{
		Seminars: filter.apply(all, s.cfg.Location),
		Filter:   filter,
		Options:  optionsFor(all, s.cfg.Location),
		VATRate:  s.bookings.Settings().VATRateBP,
		Now:      s.now(),
	}, nil)
}
