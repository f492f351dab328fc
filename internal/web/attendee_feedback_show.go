package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeFeedbackShow is GET /a/{token}/feedback: the survey after the date, reached from the
// survey mail or the attendee's page — filled in with the earlier answer to edit it while the
// survey is open, and read-only once it closed. The token is the proof, as on the attendee page.
func (s *Server) attendeeFeedbackShow(c echo.Context) error {
	token := c.Param("token")
	a, b, err := s.attendeeByToken(c.Request().Context(), token)
	if err != nil {
		return err
	}
	sv, err := s.feedback.SurveyOf(c.Request().Context(), a, b)
	if err != nil {
		return err
	}
	f := form.Feedback{}
	if sv.Answer.Answered() {
		f = form.FeedbackFromAnswer(sv.Answer)
	}
	data := feedbackPageData{Attendee: a, Date: *b.Date, Token: token, Survey: sv, Form: f, Saved: c.QueryParam("saved") != ""}
	data.Signature = model.QuoteSignature(a.FirstName, a.LastName, f.QuoteRole)
	return s.renderFeedback(c, http.StatusOK, data, nil)
}

func (s *Server) renderFeedback(c echo.Context, status int, data feedbackPageData, errs map[string]string) error {
	privateHeaders(c)
	return s.render(c, status, pageFeedback, s.i18n.For(language(c)).T("feedback.title"), data, errs)
}
