package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// checkInJSON is an attendee's check-in state on a date after a check-in or an undo.
type checkInJSON struct {
	AttendeeID uint   `json:"attendee_id"`
	DateID     uint   `json:"date_id"`
	Day        string `json:"day"`     // the day checked in (POST) or taken back (DELETE), YYYY-MM-DD
	Changed    bool   `json:"changed"` // false when the day was already checked in
	// CheckedInAt is the attendee's first check-in on any day; null once none is left.
	CheckedInAt   *time.Time `json:"checked_in_at"`
	DaysCheckedIn []string   `json:"days_checked_in"`
}

// apiAdminAttendeeCheckIn is POST /api/v1/admin/dates/{id}/attendees/{attendee}/check-in: the
// attendee is present today. Outside the date's days it is 409 not_check_in_day.
func (s *Server) apiAdminAttendeeCheckIn(c echo.Context) error {
	dateID, attendeeID, err := dateAttendeeIDs(c)
	if err != nil {
		return err
	}
	res, err := s.office.CheckIn(c.Request().Context(), actor(c), dateID, attendeeID)
	if err != nil {
		return err
	}
	return s.checkInState(c, dateID, attendeeID, res.Day, !res.Already)
}

// checkInState answers with the attendee's check-in state as stored now.
func (s *Server) checkInState(c echo.Context, dateID, attendeeID uint, day string, changed bool) error {
	ctx := c.Request().Context()
	a, _, err := s.store.AttendeeOnDate(ctx, dateID, attendeeID)
	if err != nil {
		return err
	}
	rows, err := s.store.CheckInsOfAttendee(ctx, dateID, attendeeID)
	if err != nil {
		return err
	}
	out := checkInJSON{AttendeeID: attendeeID, DateID: dateID, Day: day, Changed: changed, CheckedInAt: a.CheckedInAt, DaysCheckedIn: []string{}}
	for _, r := range rows {
		out.DaysCheckedIn = append(out.DaysCheckedIn, r.Day)
	}
	return c.JSON(http.StatusOK, out)
}
