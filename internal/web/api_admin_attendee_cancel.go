package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminAttendeeCancel is DELETE /api/v1/admin/bookings/{reference}/attendees/{attendee}:
// cancels one attendee under the cancellation policy, or with ?without_fee=true free of charge
// (owners' tokens only). The last attendee is refused (422): cancel the booking instead.
func (s *Server) apiAdminAttendeeCancel(c echo.Context) error {
	id, err := model.ParseID("attendee", c.Param("attendee"))
	if err != nil {
		return err
	}
	withoutFee := false
	switch c.QueryParam("without_fee") {
	case "", "false", "0":
	case "true", "1":
		withoutFee = true
	default:
		return s.validationFailed(c, map[string]string{"without_fee": "error.wrong_type"})
	}
	if err := requireOwnerFor(c, withoutFee); err != nil {
		return err
	}
	ctx := c.Request().Context()
	ch, err := s.office.CancelAttendee(ctx, actor(c), c.Param("reference"), id, withoutFee)
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
	return c.JSON(http.StatusOK, v)
}
