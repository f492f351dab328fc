package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminAttendeeAdd is POST /admin/bookings/{reference}/attendees: adds the person (invoice
// corrected, mails sent) and returns to the date's attendee list.
func (s *Server) adminAttendeeAdd(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.AttendeeAddFromValues(values)
	d := attendeeChangeData{Booking: b, Form: f}
	questions, err := s.bookerQuestions(c, b)
	if err != nil {
		return err
	}
	errs := f.Validate()
	f.CheckAnswers(errs, questions, true)
	if len(errs) > 0 {
		d.Form = f
		return s.renderAttendeeChange(c, http.StatusUnprocessableEntity, d, s.translate(c, errs))
	}
	d.Form = f
	_, err = s.office.AddAttendee(ctx, actor(c), b.Reference, f.Input())
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderAttendeeChange(c, http.StatusUnprocessableEntity, d, s.translate(c, invalid.Fields))
	case err != nil:
		if _, full := booking.IsSoldOut(err); full {
			return s.renderAttendeeChange(c, http.StatusConflict, d, s.translate(c, map[string]string{"attendee": "attendee.add.full"}))
		}
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees", b.DateID))
}
