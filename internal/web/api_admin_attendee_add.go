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
	if errs := f.Validate(); len(errs) > 0 {
		return s.validationFailed(c, errs)
	}
	ctx := c.Request().Context()
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
