package backoffice

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// CheckInResult says what a check-in did: the day it counts for, and whether that day was
// already recorded (a second tap, a second scan).
type CheckInResult struct {
	Day     string
	Already bool
}

// CheckIn records that an attendee of a date is present today. It is refused outside the
// date's days (model.ErrNotCheckInDay): a check-in the evening before would otherwise earn a
// certificate for a day nobody attended. A multi-day date is checked in day by day. The
// check-in and its audit entry are one transaction.
func (s *Service) CheckIn(ctx context.Context, actor string, dateID, attendeeID uint) (CheckInResult, error) {
	var res CheckInResult
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		_, b, err := tx.AttendeeOnDate(ctx, dateID, attendeeID)
		if err != nil {
			return err
		}
		d, now := *b.Date, s.now()
		session, ok := d.CheckInSession(now, s.location())
		if !ok || d.Status == model.DateCancelled {
			return fmt.Errorf("check-in on date %d at %s: %w", dateID, now.UTC().Format(time.RFC3339), model.ErrNotCheckInDay)
		}
		res.Day = session.Day
		created, err := tx.CheckInAttendee(ctx, dateID, attendeeID, session.Day, now, actor)
		if err != nil || !created {
			res.Already = err == nil
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditAttendeeCheckedIn, fmt.Sprintf("attendee %d", attendeeID),
			fmt.Sprintf("date %d; day %s", dateID, session.Day))
	})
	return res, err
}

// UndoCheckIn takes back an attendee's check-in on day (YYYY-MM-DD) of a date, or the latest
// one when day is empty, and returns the day it took back. Nothing to undo is
// model.ErrNoCheckIn. The change and its audit entry are one transaction.
func (s *Service) UndoCheckIn(ctx context.Context, actor string, dateID, attendeeID uint, day string) (string, error) {
	var undone model.CheckIn
	err := s.store.WithTx(ctx, func(tx *store.Tx) (err error) {
		if _, _, err = tx.AttendeeOnDate(ctx, dateID, attendeeID); err != nil {
			return err
		}
		if undone, err = tx.UndoCheckIn(ctx, dateID, attendeeID, day); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditCheckInUndone, fmt.Sprintf("attendee %d", attendeeID),
			fmt.Sprintf("date %d; day %s; checked in %s by %s", dateID, undone.Day, undone.CheckedInAt.UTC().Format(time.RFC3339), undone.Actor))
	})
	return undone.Day, err
}

// location is the zone the date's days are counted in (the service's display zone).
func (s *Service) location() *time.Location {
	if s.bookings == nil {
		return time.UTC
	}
	return s.bookings.Location()
}
