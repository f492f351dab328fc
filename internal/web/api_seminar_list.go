package web

import (
	"encoding/json"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/store"
)

// apiSeminarsMaxPerPage caps per_page, so one request cannot ask for everything in pages.
const apiSeminarsMaxPerPage = 100

// apiSeminarList is GET /api/v1/seminars: the catalogue as JSON, with the same filters as the
// page (function, format, city, month). Without per_page it is the whole catalogue, as the
// contract promises; with per_page (1..100) and page (from 1) it is one page of seminars, each
// with all its upcoming dates. The answer is the same for everyone, so it comes from the page
// cache (serveCached).
func (s *Server) apiSeminarList(c echo.Context) error {
	// Without per_page the whole catalogue (PerPage 0), as the contract promises.
	r := readPage(c, 0, apiSeminarsMaxPerPage)
	if r.Invalid != nil {
		return pageInvalid(c, r)
	}
	return s.serveCached(c, echo.MIMEApplicationJSON, func() ([]byte, error) {
		ctx, now, lang := c.Request().Context(), s.now(), language(c)
		filter := filterFromQuery(c)
		var matching []model.Seminar
		if r.PerPage > 0 {
			// One page, counted and cut in SQL: the answer's cost does not grow with the catalogue.
			got, err := s.store.CatalogueSlice(ctx, filter.storeFilter(s.cfg.Location), now, store.CatalogueSlice{Offset: r.offset(), Limit: r.PerPage})
			if err != nil {
				return nil, err
			}
			matching = got.Seminars
		} else {
			all, err := s.store.Catalogue(ctx, now)
			if err != nil {
				return nil, err
			}
			matching = filter.apply(all, s.cfg.Location)
		}
		out := make([]seminarJSON, 0, len(matching))
		for _, sem := range matching {
			out = append(out, s.seminarView(sem, lang, now))
		}
		body, err := json.Marshal(map[string][]seminarJSON{"seminars": out})
		return append(body, '\n'), err
	})
}
