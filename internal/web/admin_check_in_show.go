package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// checkInPageData is the phone check-in page: the code field and camera, and once a code was
// scanned or typed, the person it belongs to with their state and the confirm button.
type checkInPageData struct {
	Code    string
	Notice  string // the outcome of the last confirm or undo (checked_in, already, not_day, …)
	Unknown bool   // a code was given that belongs to nobody (mistyped, or rotated)
	Found   bool
	// What the page shows about the person before the trainer confirms.
	Attendee model.Attendee
	Booking  model.Booking
	Date     model.SeminarDate
	// Today is the day of the date check-in counts for now; Open is false outside the date's
	// days, when the page says so instead of offering the button.
	Today          model.Session
	Open           bool
	CheckedInToday bool
	DaysCheckedIn  int
	Days           int
}

// adminCheckInShow is GET /admin/check-in: the trainer's phone page at the door. The camera
// (a vendored QR reader, static/vendor/jsqr-*) or the keyboard fills ?code=; the page then
// shows name, date and state before anything is recorded, so a wrong scan changes nothing.
func (s *Server) adminCheckInShow(c echo.Context) error {
	ctx := c.Request().Context()
	data := checkInPageData{Code: strings.TrimSpace(c.QueryParam("code")), Notice: c.QueryParam("done")}
	t := s.i18n.For(language(c))
	if data.Code != "" {
		a, b, err := s.attendeeByCode(ctx, data.Code)
		switch {
		case errors.Is(err, model.ErrNotFound):
			data.Unknown = true
		case err != nil:
			return err
		default:
			if err := s.describeCheckIn(c, &data, a, b); err != nil {
				return err
			}
		}
	}
	status := http.StatusOK
	if data.Unknown {
		status = http.StatusNotFound
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return s.render(c, status, pageAdminCheckIn, t.T("checkin.title"), data, nil)
}

// describeCheckIn fills what the page says about the person a code belongs to.
func (s *Server) describeCheckIn(c echo.Context, data *checkInPageData, a model.Attendee, b model.Booking) error {
	rows, err := s.store.CheckInsOfAttendee(c.Request().Context(), b.DateID, a.ID)
	if err != nil {
		return err
	}
	d := *b.Date
	data.Found, data.Attendee, data.Booking, data.Date = true, a, b, d
	data.Days, data.DaysCheckedIn = len(d.Sessions(s.cfg.Location)), len(rows)
	data.Today, data.Open = d.CheckInSession(s.now(), s.cfg.Location)
	data.Open = data.Open && d.Status != model.DateCancelled
	for _, r := range rows {
		if r.Day == data.Today.Day {
			data.CheckedInToday = true
		}
	}
	return nil
}
