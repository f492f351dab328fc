package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// catalogueShow is the home page: every seminar with its upcoming dates, filterable. "/" is
// also the door for every visitor: one who prefers English (cookie, else Accept-Language) is
// sent on to /en/.
func (s *Server) catalogueShow(c echo.Context) error {
	if c.Request().URL.Path == "/" {
		c.Response().Header().Add("Vary", "Accept-Language, Cookie")
		if s.preferredLanguage(c) == "en" {
			to := englishPrefix + "/"
			if q := c.Request().URL.RawQuery; q != "" {
				to += "?" + q
			}
			return c.Redirect(http.StatusFound, to)
		}
	}
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
		Tax:      s.domesticTax(),
		Now:      s.now(),
	}, nil)
}
