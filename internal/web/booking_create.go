package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// bookingCreate takes the booking form. "Add attendee" and "remove attendee" re-render the form
// with one row more or less, and the language switch re-renders it in the language of the URL it
// posted to, all without validating, so the form works without JavaScript; "book" books.
func (s *Server) bookingCreate(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	values, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	f := form.FromValues(values, date.ID)
	switch values.Get("action") {
	case "add_attendee":
		if len(f.Attendees) < s.bookings.Settings().MaxAttendees {
			f.Attendees = append(f.Attendees, form.Attendee{})
		}
		return s.renderBookingForm(c, http.StatusOK, date, f, nil, "")
	case actionSwitchLanguage:
		s.rememberLanguage(c, language(c))
		return s.renderBookingForm(c, http.StatusOK, date, f, nil, "")
	case "remove_attendee":
		if len(f.Attendees) > 1 {
			f.Attendees = f.Attendees[:len(f.Attendees)-1]
		}
		return s.renderBookingForm(c, http.StatusOK, date, f, nil, "")
	}
	if errs := f.Validate(s.bookings.Settings().MaxAttendees, true); len(errs) > 0 {
		s.metrics.bookings.WithLabelValues("invalid").Inc()
		return s.renderBookingForm(c, http.StatusUnprocessableEntity, date, f, s.translate(c, errs), "")
	}
	res, err := s.bookings.Reserve(c.Request().Context(), f.Request(language(c)))
	if err != nil {
		return s.bookingFormFailed(c, date, f, err)
	}
	s.metrics.bookings.WithLabelValues(string(res.Booking.Status)).Inc()
	if res.CheckoutURL != "" {
		return redirect(c, res.CheckoutURL) // pay on Stripe; Stripe sends the booker back to bookingReturn
	}
	return redirect(c, href(c, "/b/"+res.Booking.Reference+"?t="+res.ManageToken))
}

// bookingFormFailed shows the form again with what went wrong, for the errors a booker can act on.
func (s *Server) bookingFormFailed(c echo.Context, date model.SeminarDate, f form.Booking, err error) error {
	t := s.i18n.For(language(c))
	if left, ok := booking.IsSoldOut(err); ok {
		s.metrics.bookings.WithLabelValues("sold_out").Inc()
		date.SeatsTaken = date.Capacity - left
		return s.renderBookingForm(c, http.StatusConflict, date, f, nil, t.T("booking.seats_left_only", "Count", left))
	}
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderBookingForm(c, http.StatusUnprocessableEntity, date, f, s.translate(c, invalid.Fields), "")
	case errors.Is(err, model.ErrNotBookable):
		return s.renderBookingForm(c, http.StatusConflict, date, f, nil, t.T("error.not_bookable"))
	case errors.Is(err, model.ErrPaymentUnavailable):
		return s.renderBookingForm(c, http.StatusServiceUnavailable, date, f, nil, t.T("error.payment_unavailable"))
	case errors.Is(err, model.ErrPaymentDisabled):
		return s.renderBookingForm(c, http.StatusUnprocessableEntity, date, f,
			map[string]string{"payment_method": t.T("error.payment_not_configured")}, "")
	}
	return err
}
