package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// apiAdminAttendeeAdd is POST /api/v1/admin/bookings/{reference}/attendees: adds one person to a
// booking (201 with the new state; 409 sold_out when the date is full, and nothing changes).
func (s *Server) apiAdminAttendeeAdd(c echo.Context) error {
	var f form.AttendeeAdd
	if err := json.NewDecoder(c.Request().Body).Decode(&f); err != nil {
		return s.badJSON(c, err)
	}
	ctx := c.Request().Context()
	errs := f.Validate()
	if len(f.Answers) > 0 {
		// Answers are optional here, as in the booking API, but checked when given.
		b, err := s.store.BookingByReference(ctx, c.Param("reference"))
		if err != nil {
			return err
		}
		var questions []model.SeminarQuestion
		if b.Date != nil {
			// All of them, so an answer to a sensitive one is refused as such, not as unknown.
			if questions, err = s.store.QuestionsForSeminar(ctx, b.Date.SeminarID); err != nil {
				return err
			}
		}
		f.CheckAnswers(errs, questions, false)
	}
	if len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	ch, err := s.office.AddAttendee(ctx, actor(c), c.Param("reference"), f.Input())
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.validationFailed(c, invalid.Fields)
	}
	if err != nil {
		return err
	}
	v, err := s.attendeeChangeView(ctx, ch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, v)
}
