package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminAttendeeSubstituteUpdate gives the seat to the new person (the old and the new one are
// told by mail) and returns to the date's attendee list, or to the booking detail page it came from.
func (s *Server) adminAttendeeSubstituteUpdate(c echo.Context) error {
	b, a, err := s.bookingAttendee(c)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.SubstituteFromValues(values)
	f.AttendeeID = a.ID
	questions, err := s.bookerQuestions(c, b)
	if err != nil {
		return err
	}
	errs := f.Validate()
	f.CheckAnswers(errs, questions)
	if len(errs) > 0 {
		return s.renderAttendeeSubstitute(c, http.StatusUnprocessableEntity, b, a, f, s.translate(c, errs))
	}
	ctx := c.Request().Context()
	if _, err := s.office.SubstituteAttendee(ctx, actor(c), b.Reference, f.Substitution()); err != nil {
		var invalid *model.ValidationError
		if errors.As(err, &invalid) {
			return s.renderAttendeeSubstitute(c, http.StatusUnprocessableEntity, b, a, f, s.translate(c, invalid.Fields))
		}
		return err
	}
	if fromDetail(c) {
		return redirect(c, bookingDetailPath(b.Reference, "substituted"))
	}
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees", b.DateID))
}
