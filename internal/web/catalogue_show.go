package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
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
		ctx, now, lang := c.Request().Context(), s.now(), language(c)
		filter := filterFromQuery(c)
		// The size is fixed (per_page is the API's); a page number that is not one is the first page.
		r := readPage(c, cataloguePageSize, maxPageNumber)
		shown, page, err := s.cataloguePageOf(ctx, filter, r.Page, lang, now)
		if err != nil {
			return nil, err
		}
		options := filterOptions{Functions: model.BusinessFunctions}
		if options.Cities, options.Months, err = s.store.CatalogueOptions(ctx, now, s.cfg.Location); err != nil {
			return nil, err
		}
		t := s.i18n.For(lang)
		return s.renderBytes(c, http.StatusOK, pageCatalogue, t.T("catalogue.title"), catalogueData{
			Seminars: shown,
			Page:     page,
			Filter:   filter,
			Options:  options,
			Tax:      s.domesticTax(),
			Now:      now,
		}, nil)
	})
}
