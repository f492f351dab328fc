package web

import (
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminAttendeeCheckInUndo is DELETE /api/v1/admin/dates/{id}/attendees/{attendee}/check-in:
// takes back the check-in of ?day=YYYY-MM-DD, or the latest one. Nothing to undo is 409
// not_checked_in.
func (s *Server) apiAdminAttendeeCheckInUndo(c echo.Context) error {
	dateID, attendeeID, err := dateAttendeeIDs(c)
	if err != nil {
		return err
	}
	day, err := checkInDay(c.QueryParam("day"))
	if err != nil {
		return err
	}
	undone, err := s.office.UndoCheckIn(c.Request().Context(), actor(c), dateID, attendeeID, day)
	if err != nil {
		return err
	}
	return s.checkInState(c, dateID, attendeeID, undone, true)
}

// reasonDay is the message of a ?day= that is not a day (error.check_in_day).
const reasonDay model.Reason = "check_in_day"

// checkInDay reads an optional ?day=YYYY-MM-DD; anything else is a *model.FieldError (400 with
// the parameter named).
func checkInDay(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	if _, err := time.Parse(model.DayLayout, raw); err != nil {
		return "", &model.FieldError{Field: "day", Reason: reasonDay}
	}
	return raw, nil
}
