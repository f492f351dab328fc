package booking

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// ErrMoveClosed says a booking can no longer be moved by its booker: it holds no seats, or the
// substitution deadline before the date has passed.
var ErrMoveClosed = &model.ValidationError{Fields: map[string]string{"date": "move.error.closed"}}

// MoveNotFreeError says the booker's free move ended at Until: cancelling would cost a fee now,
// so a move is the trainer's decision (the page says to get in touch).
type MoveNotFreeError struct{ Until time.Time }

func (e *MoveNotFreeError) Error() string {
	return fmt.Sprintf("move: free only until %s", e.Until.UTC().Format(time.RFC3339))
}

// BookerMove says whether and until when the manage page offers moving: while the booking holds
// seats, before the substitution deadline and while cancelling would be free. until is the end
// of the free period (the page states it).
func (s *Service) BookerMove(b model.Booking) (open bool, until time.Time) {
	if b.Date == nil {
		return false, time.Time{}
	}
	until = s.settings.Cancellation.FreeUntil(b.Date.StartsAt)
	if deadline := model.SubstitutionDeadline(*b.Date, s.settings.SubstitutionDeadline); deadline.Before(until) {
		until = deadline
	}
	return model.SubstitutionOpen(b, *b.Date, s.now(), s.settings.SubstitutionDeadline) && s.now().Before(until), until
}

// MoveByBooker moves a booking through its manage link to another date of the same seminar with
// enough free seats, at the booked price, with its invoice corrected (MoveInTx). It is allowed
// only while cancelling would be free and before the substitution deadline, checked on the
// booking as locked in the moving transaction: afterwards it is a *MoveNotFreeError (or
// ErrMoveClosed) and nothing changes. A full date is a *model.SoldOutError.
func (s *Service) MoveByBooker(ctx context.Context, reference, token string, toDateID uint) (Moved, error) {
	b, err := s.Lookup(ctx, reference, token)
	if err != nil {
		return Moved{}, err
	}
	var m Moved
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		locked, err := tx.LockBooking(ctx, b.Reference)
		if err != nil {
			return err
		}
		if err := s.checkBookerMove(locked); err != nil {
			return err
		}
		m, err = s.MoveInTx(ctx, tx, b.Reference, toDateID)
		return err
	})
	if err != nil {
		return Moved{}, fmt.Errorf("move %s: %w", b.Reference, err)
	}
	s.log.InfoContext(ctx, "booking moved by booker", "reference", b.Reference, "from", m.Before.DateID, "to", m.After.DateID)
	return m, nil
}

func (s *Service) checkBookerMove(b model.Booking) error {
	if b.Date == nil || !model.SubstitutionOpen(b, *b.Date, s.now(), s.settings.SubstitutionDeadline) {
		return ErrMoveClosed
	}
	if until := s.settings.Cancellation.FreeUntil(b.Date.StartsAt); !s.now().Before(until) {
		return &MoveNotFreeError{Until: until}
	}
	return nil
}
