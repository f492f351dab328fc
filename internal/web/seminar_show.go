package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// seminarQuotes is how many attendee quotes a seminar page shows at most.
const seminarQuotes = 6

// seminarShow is a seminar's page: what it is, for whom, and its dates to book.
func (s *Server) seminarShow(c echo.Context) error {
	sem, err := s.store.SeminarBySlug(c.Request().Context(), c.Param("slug"), s.now())
	if err != nil {
		return err
	}
	quotes, err := s.feedback.Quotes(c.Request().Context(), sem.ID, seminarQuotes)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, pageSeminar, sem.Title(language(c)), seminarData{
		Seminar: sem, Tax: s.domesticTax(), Now: s.now(), JSONLD: s.seminarJSONLD(sem, language(c), s.now()),
		Group: model.GroupRuleOf(sem, s.bookings.Settings().GroupDiscount), Quotes: quotes,
	}, nil)
}
