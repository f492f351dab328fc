package web

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAttendeeCheckIn records that an attendee is present today and goes back where the tap
// came from: the list at their row (one tap each for a room full of people) or the phone
// check-in page with the person it showed. A refused check-in (not a day of the date, a booking
// not confirmed) comes back as a notice there, not as an error page.
func (s *Server) adminAttendeeCheckIn(c echo.Context) error {
	dateID, attendeeID, err := dateAttendeeIDs(c)
	if err != nil {
		return err
	}
	res, err := s.office.CheckIn(c.Request().Context(), actor(c), dateID, attendeeID)
	done := "checked_in"
	switch {
	case errors.Is(err, model.ErrNotCheckInDay):
		done = "not_day"
	case errors.Is(err, model.ErrNotConfirmed):
		done = "not_confirmed"
	case err != nil:
		return err
	case res.Already:
		done = "already"
	}
	return redirect(c, checkInReturn(c, dateID, attendeeID, done))
}

// checkInReturn is where a check-in form goes back to: the scan page (from=scan, with the code
// it showed) or the date's attendee list at the attendee's row.
func checkInReturn(c echo.Context, dateID, attendeeID uint, done string) string {
	if c.FormValue("from") == "scan" {
		return "/admin/check-in?code=" + url.QueryEscape(c.FormValue("code")) + "&done=" + done
	}
	return fmt.Sprintf("/admin/dates/%d/attendees?done=%s#a%d", dateID, done, attendeeID)
}

// dateAttendeeIDs reads the date and attendee ids of a check-in path.
func dateAttendeeIDs(c echo.Context) (dateID, attendeeID uint, err error) {
	if dateID, err = pathID(c, "id"); err != nil {
		return 0, 0, err
	}
	attendeeID, err = pathID(c, "attendee")
	return dateID, attendeeID, err
}
