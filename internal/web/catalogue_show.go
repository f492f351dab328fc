package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// catalogueShow is the home page: the seminars with their next dates, filterable, a page at a
// time. "/" is also the door for every visitor: one who prefers English (cookie, else
// Accept-Language) is sent on to /en/. The page is the same for everyone who asks for the same
// URL in the same language, so it comes from the page cache (serveCached).
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
	return s.serveCached(c, echo.MIMETextHTMLCharsetUTF8, func() ([]byte, error) {
		all, err := s.store.Catalogue(c.Request().Context(), s.now())
		if err != nil {
			return nil, err
		}
		filter := filterFromQuery(c)
		// The size is fixed (per_page is the API's); a page number that is not one is the first page.
		r := readPage(c, cataloguePageSize, maxPageNumber)
		shown, page := paginate(filter.apply(all, s.cfg.Location), filter, pageRequest{Page: r.Page, PerPage: cataloguePageSize}, language(c))
		t := s.i18n.For(language(c))
		return s.renderBytes(c, http.StatusOK, pageCatalogue, t.T("catalogue.title"), catalogueData{
			Seminars: shown,
			Page:     page,
			Filter:   filter,
			Options:  optionsFor(all, s.cfg.Location),
			Tax:      s.domesticTax(),
			Now:      s.now(),
		}, nil)
	})
}
