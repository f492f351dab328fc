package web

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// apiSeminarsMaxPerPage caps per_page, so one request cannot ask for everything in pages.
const apiSeminarsMaxPerPage = 100

// apiSeminarList is GET /api/v1/seminars: the catalogue as JSON, with the same filters as the
// page (function, format, city, month). Without per_page it is the whole catalogue, as the
// contract promises; with per_page (1..100) and page (from 1) it is one page of seminars, each
// with all its upcoming dates. The answer is the same for everyone, so it comes from the page
// cache (serveCached).
func (s *Server) apiSeminarList(c echo.Context) error {
	perPage, page, ok := apiPaging(c)
	if !ok {
		return c.JSON(http.StatusUnprocessableEntity, map[string]any{"errors": map[string]string{
			"per_page": "must be a number from 1 to " + strconv.Itoa(apiSeminarsMaxPerPage), "page": "must be a number from 1"}})
	}
	return s.serveCached(c, echo.MIMEApplicationJSON, func() ([]byte, error) {
		now := s.now()
		all, err := s.store.Catalogue(c.Request().Context(), now)
		if err != nil {
			return nil, err
		}
		lang := language(c)
		matching := filterFromQuery(c).apply(all, s.cfg.Location)
		if perPage > 0 {
			from := min((page-1)*perPage, len(matching))
			matching = matching[from:min(from+perPage, len(matching))]
		}
		out := make([]seminarJSON, 0, len(matching))
		for _, sem := range matching {
			out = append(out, s.seminarView(sem, lang, now))
		}
		body, err := json.Marshal(map[string][]seminarJSON{"seminars": out})
		return append(body, '\n'), err
	})
}

// apiPaging reads per_page and page; 0 per_page means no paging. ok is false for values that are
// not numbers in range.
func apiPaging(c echo.Context) (perPage, page int, ok bool) {
	atoi := func(name string, empty int) (int, bool) {
		raw := c.QueryParam(name)
		if raw == "" {
			return empty, true
		}
		n, err := strconv.Atoi(raw)
		return n, err == nil
	}
	perPage, okPer := atoi("per_page", 0)
	page, okPage := atoi("page", 1)
	if !okPer || !okPage || perPage < 0 || perPage > apiSeminarsMaxPerPage || page < 1 {
		return 0, 0, false
	}
	return perPage, page, true
}
