package web

import (
	"context"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/secret"
)

// attendeeByToken finds the attendee whose page token (/a/{token}) was presented. A wrong,
// rotated (the seat went to someone else) or malformed token looks like a missing page.
func (s *Server) attendeeByToken(ctx context.Context, token string) (model.Attendee, model.Booking, error) {
	id, ok := secret.AttendeeID(token)
	if !ok {
		return model.Attendee{}, model.Booking{}, fmt.Errorf("attendee page: %w", model.ErrNotFound)
	}
	a, b, err := s.store.AttendeeByID(ctx, id)
	if err != nil {
		return a, b, err
	}
	if !s.secrets.MatchesAttendeeToken(token, a.ID, a.SecretRotation) || !holdsSeat(b) {
		return model.Attendee{}, model.Booking{}, fmt.Errorf("attendee page %d: %w", id, model.ErrNotFound)
	}
	return a, b, nil
}

// attendeeByCode finds the attendee whose check-in code was scanned or typed; a wrong or old
// code is not found.
func (s *Server) attendeeByCode(ctx context.Context, code string) (model.Attendee, model.Booking, error) {
	id, ok := secret.AttendeeID(secret.NormalizeCode(code))
	if !ok {
		return model.Attendee{}, model.Booking{}, fmt.Errorf("check-in code: %w", model.ErrNotFound)
	}
	a, b, err := s.store.AttendeeByID(ctx, id)
	if err != nil {
		return a, b, err
	}
	if !s.secrets.MatchesAttendeeCode(code, a.ID, a.SecretRotation) {
		return model.Attendee{}, model.Booking{}, fmt.Errorf("check-in code of attendee %d: %w", id, model.ErrNotFound)
	}
	return a, b, nil
}

// holdsSeat tells whether a booking's attendees have a page: once the booking is confirmed, and
// still after a cancellation (they may look up why), never for an unpaid hold that expired.
func holdsSeat(b model.Booking) bool {
	return b.ConfirmedAt != nil && b.Date != nil
}
