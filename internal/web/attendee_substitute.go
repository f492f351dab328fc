package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeSubstitute is POST /b/{reference}/attendees: the booker gives an attendee's seat to
// another person. The manage token comes in the form's hidden field t.
func (s *Server) attendeeSubstitute(c echo.Context) error {
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	token := values.Get("t")
	ctx := c.Request().Context()
	b, err := s.bookings.Lookup(ctx, c.Param("reference"), token)
	if err != nil {
		return err
	}
	f := form.SubstituteFromValues(values)
	questions, err := s.bookerQuestions(c, b)
	if err != nil {
		return err
	}
	errs := f.Validate()
	f.CheckAnswers(errs, questions)
	if len(errs) > 0 {
		return s.renderManagePage(c, http.StatusUnprocessableEntity, b, token, &f, s.translate(c, errs))
	}
	if _, err := s.bookings.Substitute(ctx, b.Reference, token, f.Substitution()); err != nil {
		var invalid *model.ValidationError
		if errors.As(err, &invalid) {
			return s.renderManagePage(c, http.StatusUnprocessableEntity, b, token, &f, s.translate(c, invalid.Fields))
		}
		return err
	}
	return redirect(c, href(c, "/b/"+b.Reference+"?t="+token))
}
