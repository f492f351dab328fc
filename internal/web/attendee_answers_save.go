package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// attendeeAnswersSave is POST /a/{token}/answers: the attendee's own answers to the seminar's
// sensitive questions (dietary, accessibility needs), with their explicit consent. Empty
// answers delete the stored ones; "delete" deletes them all (consent withdrawn).
func (s *Server) attendeeAnswersSave(c echo.Context) error {
	ctx := c.Request().Context()
	a, _, err := s.attendeeByToken(ctx, c.Param("token"))
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	typed := answersTyped{Answers: model.Answers{}, Consent: values.Get("consent") != ""}
	if values.Get("action") != "delete" {
		for name, vs := range values {
			key, ok := strings.CutPrefix(name, "q")
			if id, err := strconv.ParseUint(key, 10, 32); ok && err == nil && len(vs) > 0 {
				typed.Answers[uint(id)] = vs[0]
			}
		}
	}
	err = s.bookings.SaveSensitiveAnswers(ctx, a.ID, typed.Answers, typed.Consent)
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderAttendeePage(c, http.StatusUnprocessableEntity, &typed, s.translate(c, invalid.Fields))
	case errors.Is(err, model.ErrAnswersClosed):
		return s.renderAttendeePage(c, http.StatusConflict, nil, nil)
	case err != nil:
		return err
	}
	return redirect(c, href(c, "/a/"+c.Param("token")+"?saved=1#answers"))
}
