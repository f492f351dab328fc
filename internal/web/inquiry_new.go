package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/web/form"
)

// inquiryNew shows the "ask for an in-house seminar" form; ?seminar=<slug> fills in the topic,
// and the competence check's answers (its result's query string) fill in the topic, the
// participants and the message. Answers that do not validate fill in nothing: the form is then
// simply empty, as a pre-fill is only a convenience.
func (s *Server) inquiryNew(c echo.Context) error {
	f := form.Inquiry{}
	if check := form.CompetenceFromValues(c.QueryParams()); check.Sent {
		if answers, errs := check.Validate(); errs == nil {
			f = competenceInquiry(s.i18n.For(language(c)), answers)
		}
	}
	if slug := c.QueryParam("seminar"); slug != "" {
		if sem, err := s.store.SeminarBySlug(c.Request().Context(), slug, s.now()); err == nil {
			f.Topic = sem.Title(language(c))
		}
	}
	return s.renderInquiry(c, http.StatusOK, f, c.QueryParam("sent") != "", nil)
}

func (s *Server) renderInquiry(c echo.Context, status int, f form.Inquiry, sent bool, errs map[string]string) error {
	title := s.i18n.For(language(c)).T("inquiry.title")
	return s.render(c, status, pageInquiry, title, inquiryData{Form: f, Sent: sent}, errs)
}
