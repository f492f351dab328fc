package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAttendeeCheckInUndo takes back a mistaken check-in (the wrong row tapped, the wrong code
// scanned): today's, or the latest one. It is audited like the check-in.
func (s *Server) adminAttendeeCheckInUndo(c echo.Context) error {
	dateID, attendeeID, err := dateAttendeeIDs(c)
	if err != nil {
		return err
	}
	_, err = s.office.UndoCheckIn(c.Request().Context(), actor(c), dateID, attendeeID, "")
	done := "undone"
	switch {
	case errors.Is(err, model.ErrNoCheckIn):
		done = "nothing_to_undo"
	case err != nil:
		return err
	}
	return redirect(c, checkInReturn(c, dateID, attendeeID, done))
}
