package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// attendeeMaterialShow is GET /a/{token}/materials/{id}: a file of the attendee's seminar,
// once it is released for their date. The token is the proof, as for the page; a cancelled
// booking or date, a material of another seminar or date, or one not yet released is a 404,
// the same as a wrong token, so the answer tells nothing about what exists.
func (s *Server) attendeeMaterialShow(c echo.Context) error {
	ctx := c.Request().Context()
	a, b, err := s.attendeeByToken(ctx, c.Param("token"))
	if err != nil {
		return err
	}
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.store.MaterialByID(ctx, id)
	if err != nil {
		return err
	}
	if !materialsOpen(b) || !m.ReleasedFor(*b.Date, s.cfg.Location, s.now()) {
		return fmt.Errorf("material %d for attendee %d: %w", m.ID, a.ID, model.ErrNotFound)
	}
	return s.sendMaterial(c, m)
}

// materialsOpen tells whether a booking's attendees get their seminar's materials: while the
// booking and its date stand (a cancelled seat gets none).
func materialsOpen(b model.Booking) bool {
	return b.Status == model.BookingConfirmed && b.Date != nil && b.Date.Status != model.DateCancelled
}
