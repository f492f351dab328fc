package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeFeedbackSave is POST /a/{token}/feedback: stores the attendee's answer (or their edit)
// and shows the survey again with a thank-you. Bad input re-renders the form with what was
// typed and a message per field; a survey that is not open says so (409); neither stores
// anything.
func (s *Server) attendeeFeedbackSave(c echo.Context) error {
	ctx := c.Request().Context()
	token := c.Param("token")
	a, b, err := s.attendeeByToken(ctx, token)
	if err != nil {
		return err
	}
	f := form.FeedbackFromValues(mustForm(c))
	err = s.feedback.Answer(ctx, a, b, f.Answer())
	if err == nil {
		return redirect(c, href(c, "/a/"+token+"/feedback?saved=1"))
	}
	var invalid *model.ValidationError
	status, errs := http.StatusUnprocessableEntity, map[string]string{}
	switch {
	case errors.As(err, &invalid):
		errs = s.translate(c, invalid.Fields)
	case errors.Is(err, model.ErrSurveyClosed):
		status = http.StatusConflict
		errs["survey"] = s.i18n.For(language(c)).T("feedback.closed")
	default:
		return err
	}
	sv, err := s.feedback.SurveyOf(ctx, a, b)
	if err != nil {
		return err
	}
	data := feedbackPageData{Attendee: a, Date: *b.Date, Token: token, Survey: sv, Form: f,
		Signature: model.QuoteSignature(a.FirstName, a.LastName, f.QuoteRole)}
	return s.renderFeedback(c, status, data, errs)
}
