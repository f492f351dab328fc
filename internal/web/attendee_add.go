package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// attendeeAdd is POST /b/{reference}/attendees/add: the booker adds one person (until the
// substitution deadline, while seats are free); the invoice is corrected and mailed, the new
// person gets their confirmation. The manage token comes in the form's hidden field t.
func (s *Server) attendeeAdd(c echo.Context) error {
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
	f := form.AttendeeAddFromValues(values)
	questions, err := s.bookerQuestions(c, b)
	if err != nil {
		return err
	}
	errs := f.Validate()
	f.CheckAnswers(errs, questions, true)
	if len(errs) > 0 {
		return s.renderManageAttendees(c, http.StatusUnprocessableEntity, b, token, &attendeeForms{Add: f}, s.translate(c, errs))
	}
	ch, err := s.bookings.AddAttendeeByBooker(ctx, b.Reference, token, f.Input())
	if err == nil {
		return redirect(c, localized(language(c), "/b/"+b.Reference)+"?t="+url.QueryEscape(token)+"&added="+url.QueryEscape(ch.Attendee.FullName()))
	}
	forms := &attendeeForms{Add: f}
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderManageAttendees(c, http.StatusUnprocessableEntity, b, token, forms, s.translate(c, invalid.Fields))
	default:
		if _, full := booking.IsSoldOut(err); !full {
			return err
		}
		return s.renderManageAttendees(c, http.StatusConflict, b, token, forms, s.translate(c, map[string]string{"attendee": "attendee.add.full"}))
	}
}
