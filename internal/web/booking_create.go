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
	switch values.Get("action") {
	case "add_attendee", "remove_attendee", actionSwitchLanguage:
		return s.bookingFormRedrawn(c, date, form.DraftFromValues(values, date.ID), values.Get("action"))
	}
	f := form.FromValues(values, date.ID)
	if errs := f.Validate(s.bookings.Settings().MaxAttendees, true); len(errs) > 0 {
		s.metrics.bookings.WithLabelValues("invalid").Inc()
		return s.renderBookingForm(c, http.StatusUnprocessableEntity, date, f, s.translate(c, errs), "")
	}
	req := f.Request(language(c))
	req.Private = date.Unlisted // bookableDate checked the private key
	res, err := s.bookings.Reserve(c.Request().Context(), req)
	if err != nil {
		return s.bookingFormFailed(c, date, f, err)
	}
	s.metrics.bookings.WithLabelValues(string(res.Booking.Status)).Inc()
	if res.CheckoutURL != "" {
		return redirect(c, res.CheckoutURL) // pay on Stripe; Stripe sends the booker back to bookingReturn
	}
	return redirect(c, href(c, "/b/"+res.Booking.Reference+"?t="+res.ManageToken))
}

// bookingFormRedrawn re-renders the form for "+ Weitere Person", "remove" and the language switch,
// with every row as typed, blank ones too: "add" adds a row on each click up to the maximum, even
// while the row added last is still blank. The focus goes to the row added, or to the last row after
// one was removed, so the page (or htmx's swap of the rows) does not leave the booker at the top.
func (s *Server) bookingFormRedrawn(c echo.Context, date model.SeminarDate, f form.Booking, action string) error {
	if limit := s.bookings.Settings().MaxAttendees; len(f.Attendees) > limit {
		f.Attendees = f.Attendees[:limit] // a hand-edited count; the form never has more rows
	}
	d := bookingFormData{Date: date, Form: f}
	switch action {
	case "add_attendee":
		if len(f.Attendees) < s.bookings.Settings().MaxAttendees {
			d.Form.Attendees = append(d.Form.Attendees, form.Attendee{})
		}
		d.FocusRow = len(d.Form.Attendees)
	case "remove_attendee":
		if len(f.Attendees) > 1 {
			d.Form.Attendees = f.Attendees[:len(f.Attendees)-1]
		}
		d.FocusRow = len(d.Form.Attendees)
	case actionSwitchLanguage:
		s.rememberLanguage(c, language(c))
	}
	if date.SeatsLeft() <= 0 && c.Request().Header.Get("HX-Request") == "true" {
		// The date filled up while the booker typed: the page has no rows to swap in, so htmx
		// swaps the whole main part for the full-date view instead of emptying the fieldset.
		h := c.Response().Header()
		h.Set("HX-Retarget", "main")
		h.Set("HX-Reselect", "main")
		h.Set("HX-Reswap", "outerHTML")
	}
	return s.renderBooking(c, http.StatusOK, d, nil)
}

// bookingFormFailed shows the form again with what went wrong, for the errors a booker can act on.
func (s *Server) bookingFormFailed(c echo.Context, date model.SeminarDate, f form.Booking, err error) error {
	t := s.i18n.For(language(c))
	if left, ok := booking.IsSoldOut(err); ok {
		s.metrics.bookings.WithLabelValues("sold_out").Inc()
		date.SeatsTaken = date.Capacity - left
		if left <= 0 { // renders as the full date: its waiting list and the other dates
			return s.renderBookingForm(c, http.StatusConflict, date, f, nil, t.T("booking.full.meanwhile"))
		}
		return s.renderBooking(c, http.StatusConflict, bookingFormData{Date: date, Form: f, OfferWaitlist: true,
			Problem: t.T("booking.seats_left_only", "Count", left)}, nil)
	}
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderBookingForm(c, http.StatusUnprocessableEntity, date, f, s.translate(c, invalid.Fields), "")
	case errors.Is(err, model.ErrNotBookable):
		return s.renderBookingForm(c, http.StatusConflict, date, f, nil, t.T("error.not_bookable"))
	case errors.Is(err, model.ErrFlatDateBooked):
		return s.renderBookingForm(c, http.StatusConflict, date, f, nil, t.T("error.inhouse_booked"))
	case errors.Is(err, model.ErrPaymentUnavailable):
		return s.renderBookingForm(c, http.StatusServiceUnavailable, date, f, nil, t.T("error.payment_unavailable"))
	case errors.Is(err, model.ErrPaymentDisabled):
		return s.renderBookingForm(c, http.StatusUnprocessableEntity, date, f,
			map[string]string{"payment_method": t.T("error.payment_not_configured")}, "")
	}
	return err
}
