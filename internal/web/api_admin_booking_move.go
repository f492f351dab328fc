package web

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// moveRequest is the body of POST /api/v1/admin/bookings/{reference}/move.
type moveRequest struct {
	DateID     uint `json:"date_id"`
	AttendeeID uint `json:"attendee_id"` // 0: the whole booking
}

// moveResultJSON answers a move: the booking now on the new date (for one attendee of several,
// the new booking of their own) and, when it was split off, the original one as corrected.
type moveResultJSON struct {
	Booking  adminBookingDetailJSON  `json:"booking"`
	Original *adminBookingDetailJSON `json:"original,omitempty"`
}

// apiAdminBookingMove is POST /api/v1/admin/bookings/{reference}/move: the whole booking, or one
// attendee, to another date of the same seminar, through the back office's use cases
// (backoffice.MoveBooking, MoveAttendee: seats, invites, corrected invoices, waiting list).
func (s *Server) apiAdminBookingMove(c echo.Context) error {
	ctx := c.Request().Context()
	b, err := s.store.BookingByReference(ctx, c.Param("reference"))
	if err != nil {
		return err
	}
	var req moveRequest
	if err := json.NewDecoder(c.Request().Body).Decode(&req); err != nil {
		return s.badJSON(c, err)
	}
	if req.DateID == 0 {
		return s.validationFailed(c, map[string]string{"date_id": "error.required"})
	}
	if req.AttendeeID != 0 && !hasAttendee(b, req.AttendeeID) {
		return s.validationFailed(c, map[string]string{"attendee_id": "admin.move.error.attendee"})
	}
	moved := b.Reference
	if req.AttendeeID == 0 {
		_, err = s.office.MoveBooking(ctx, actor(c), b.Reference, req.DateID)
	} else {
		m, moveErr := s.office.MoveAttendee(ctx, actor(c), b.Reference, req.AttendeeID, req.DateID)
		if err = moveErr; m.Split.ID != 0 {
			moved = m.Split.Reference
		}
	}
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		fields := map[string]string{}
		for field, key := range invalid.Fields {
			if field == "date" {
				field = "date_id"
			}
			fields[field] = key
		}
		return s.validationFailed(c, fields)
	case errors.Is(err, model.ErrNotBookable), errors.Is(err, model.ErrNotFound):
		return s.validationFailed(c, map[string]string{"date_id": "admin.move.error.date"})
	case err != nil:
		return err // sold out and a booking that holds no seats are 409
	}
	var out moveResultJSON
	if out.Booking, err = s.adminBookingDetail(ctx, moved); err != nil {
		return err
	}
	if moved != b.Reference {
		original, err := s.adminBookingDetail(ctx, b.Reference)
		if err != nil {
			return err
		}
		out.Original = &original
	}
	return c.JSON(http.StatusOK, out)
}

func hasAttendee(b model.Booking, id uint) bool {
	for _, a := range b.Attendees {
		if a.ID == id {
			return true
		}
	}
	return false
}
