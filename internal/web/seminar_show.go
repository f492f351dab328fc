package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// seminarQuotes is how many attendee quotes a seminar page shows at most.
const seminarQuotes = 6

// seminarShow is a seminar's page: what it is, for whom, and its dates to book. It is the same
// for everyone in one language, so it comes from the page cache (serveCached).
func (s *Server) seminarShow(c echo.Context) error {
	return s.serveCached(c, echo.MIMETextHTMLCharsetUTF8, func() ([]byte, error) {
		ctx := c.Request().Context()
		sem, err := s.store.SeminarBySlug(ctx, c.Param("slug"), s.now())
		if err != nil {
			return nil, err
		}
		quotes, err := s.feedback.Quotes(ctx, sem.ID, seminarQuotes)
		if err != nil {
			return nil, err
		}
		return s.renderBytes(c, http.StatusOK, pageSeminar, sem.Title(language(c)), seminarData{
			Seminar: sem, Tax: s.domesticTax(), Now: s.now(), JSONLD: s.seminarJSONLD(sem, language(c), s.now()),
			Group: model.GroupRuleOf(sem, s.bookings.Settings().GroupDiscount), Quotes: quotes,
		}, nil)
	})
}
