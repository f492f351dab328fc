package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// adminBookingMoveShow offers the other dates of the booking's seminar to move it to.
func (s *Server) adminBookingMoveShow(c echo.Context) error {
	b, err := s.store.BookingByReference(c.Request().Context(), c.Param("reference"))
	if err != nil {
		return err
	}
	return s.renderMove(c, http.StatusOK, b, "")
}

// adminBookingMove moves a booking and its attendees to another date of the same seminar.
func (s *Server) adminBookingMove(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	to, _ := model.ParseID("date", c.FormValue("date")) // 0 when not an id: MoveBooking refuses it
	var moved model.Booking
	if c.FormValue("attendee") == "" {
		moved, err = s.office.MoveBooking(ctx, actor(c), b.Reference, to)
	} else {
		// One attendee: a booking of their own on the new date; the original is corrected.
		attendee, _ := model.ParseID("attendee", c.FormValue("attendee")) // 0: not found
		var m booking.Moved
		m, err = s.office.MoveAttendee(ctx, actor(c), b.Reference, attendee, to)
		moved = m.Split
		if m.Split.ID == 0 {
			moved = m.After
		}
	}
	t := s.i18n.For(language(c))
	var invalid *model.ValidationError
	switch {
	case err == nil && fromDetail(c):
		return redirect(c, bookingDetailPath(b.Reference, "moved"))
	case err == nil:
		return redirect(c, fmt.Sprintf("/admin/dates/%d/attendees", moved.DateID))
	case errors.As(err, &invalid) && invalid.Fields["date"] != "":
		return s.renderMove(c, http.StatusUnprocessableEntity, b, t.T(invalid.Fields["date"]))
	case errors.As(err, &invalid): // the tax rules refuse the booking on the new date's format
		return s.renderMove(c, http.StatusUnprocessableEntity, b, t.T(firstMessage(invalid.Fields)))
	case errors.Is(err, model.ErrNotBookable), errors.Is(err, model.ErrNotFound):
		return s.renderMove(c, http.StatusUnprocessableEntity, b, t.T("admin.move.error.date"))
	}
	if left, soldOut := booking.IsSoldOut(err); soldOut {
		return s.renderMove(c, http.StatusConflict, b, t.T("admin.move.error.full", "Count", left))
	}
	return err
}

func (s *Server) renderMove(c echo.Context, status int, b model.Booking, problem string) error {
	sem, err := s.store.SeminarByID(c.Request().Context(), b.Date.SeminarID)
	if err != nil {
		return err
	}
	var targets []model.SeminarDate
	for _, d := range sem.Dates {
		if d.ID != b.DateID && d.Status != model.DateCancelled && d.StartsAt.After(s.now()) {
			targets = append(targets, d)
		}
	}
	title := s.i18n.For(language(c)).T("admin.move.title", "Reference", b.Reference)
	return s.render(c, status, pageAdminBookingMove, title, moveData{
		Booking: b, Targets: targets, Problem: problem, Possible: model.HoldsSeats(b.Status),
		Attendee: c.FormValue("attendee"), Return: c.FormValue("return"),
	}, nil)
}
