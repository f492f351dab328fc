package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAttendeeCancelConfirm is GET /admin/bookings/{reference}/attendees/{attendee}/cancel:
// what cancelling this seat costs under the policy now, with the owner's choice of no fee.
func (s *Server) adminAttendeeCancelConfirm(c echo.Context) error {
	b, a, err := s.bookingAttendee(c)
	if err != nil {
		return err
	}
	d := attendeeChangeData{Booking: b, Attendee: a, Cancel: true, FeeCents: s.bookings.AttendeeCancellationFee(b)}
	return s.renderAttendeeChange(c, http.StatusOK, d, nil)
}

// adminAttendeeCancel is POST /admin/bookings/{reference}/attendees/{attendee}/cancel: cancels
// the seat under the policy, or with without_fee (owners only) free of charge.
func (s *Server) adminAttendeeCancel(c echo.Context) error {
	b, a, err := s.bookingAttendee(c)
	if err != nil {
		return err
	}
	withoutFee := c.FormValue("without_fee") != ""
	if err := requireOwnerFor(c, withoutFee); err != nil {
		return err
	}
	_, err = s.office.CancelAttendee(c.Request().Context(), actor(c), b.Reference, a.ID, withoutFee)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		d := attendeeChangeData{Booking: b, Attendee: a, Cancel: true, FeeCents: s.bookings.AttendeeCancellationFee(b)}
		return s.renderAttendeeChange(c, http.StatusUnprocessableEntity, d, s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees", b.DateID))
}
