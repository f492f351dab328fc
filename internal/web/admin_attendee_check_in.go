package web

import (
	"fmt"

	"github.com/labstack/echo/v4"
)

// adminAttendeeCheckIn records that an attendee arrived and goes back to the list at their row,
// so checking in a room full of people on a phone is one tap each.
func (s *Server) adminAttendeeCheckIn(c echo.Context) error {
	dateID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	attendeeID, err := pathID(c, "attendee")
	if err != nil {
		return err
	}
	if err := s.office.CheckIn(c.Request().Context(), dateID, attendeeID); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees#a%d", dateID, attendeeID))
}
