package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// CheckInAttendee records that an attendee of a date was present on day (YYYY-MM-DD); a second
// check-in on the same day keeps the first and reports created false. The attendee's
// CheckedInAt keeps the first check-in of any day. Only attendees of confirmed bookings can be
// checked in (a cancelled or expired booking must not earn a certificate): others are
// model.ErrNotConfirmed. An attendee not booked on that date is not found.
func (tx *Tx) CheckInAttendee(ctx context.Context, dateID, attendeeID uint, day string, at time.Time, actor string) (bool, error) {
	var status model.BookingStatus
	err := tx.db.WithContext(ctx).Model(&model.Booking{}).Select("bookings.status").
		Joins("JOIN attendees ON attendees.booking_id = bookings.id").
		Where("attendees.id = ? AND bookings.date_id = ?", attendeeID, dateID).Scan(&status).Error
	switch {
	case err != nil:
		return false, err
	case status == "":
		return false, fmt.Errorf("attendee %d on date %d: %w", attendeeID, dateID, model.ErrNotFound)
	case status != model.BookingConfirmed:
		return false, fmt.Errorf("attendee %d on date %d: %w", attendeeID, dateID, model.ErrNotConfirmed)
	}
	row := model.CheckIn{AttendeeID: attendeeID, DateID: dateID, Day: day, CheckedInAt: at.UTC(), Actor: actor}
	res := tx.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil || res.RowsAffected == 0 {
		return false, res.Error
	}
	err = tx.db.WithContext(ctx).Model(&model.Attendee{}).Where("id = ?", attendeeID).
		Update("checked_in_at", gorm.Expr("COALESCE(checked_in_at, ?)", at.UTC())).Error
	return err == nil, err
}

// UndoCheckIn takes back an attendee's check-in on day of a date, or, with day empty, the
// latest one, and returns it; the attendee's CheckedInAt falls back to the earliest check-in
// left (nil when none is). With nothing to undo it is model.ErrNoCheckIn.
func (tx *Tx) UndoCheckIn(ctx context.Context, dateID, attendeeID uint, day string) (model.CheckIn, error) {
	var row model.CheckIn
	db := tx.db.WithContext(ctx).Where("date_id = ? AND attendee_id = ?", dateID, attendeeID)
	if day != "" {
		db = db.Where("day = ?", day)
	}
	err := db.Order("day DESC, id DESC").First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return row, fmt.Errorf("check-in of attendee %d on date %d %s: %w", attendeeID, dateID, day, model.ErrNoCheckIn)
	}
	if err != nil {
		return row, err
	}
	if err := tx.db.WithContext(ctx).Delete(&model.CheckIn{}, row.ID).Error; err != nil {
		return row, err
	}
	err = tx.db.WithContext(ctx).Model(&model.Attendee{}).Where("id = ?", attendeeID).
		Update("checked_in_at", gorm.Expr("(SELECT MIN(checked_in_at) FROM check_ins WHERE attendee_id = ? AND date_id = ?)", attendeeID, dateID)).Error
	return row, err
}

// AttendeeOnDate returns an attendee booked on a date with their booking (its date and seminar
// loaded); an attendee of another date is not found.
func (q Reads) AttendeeOnDate(ctx context.Context, dateID, attendeeID uint) (model.Attendee, model.Booking, error) {
	var a model.Attendee
	err := q.db.WithContext(ctx).
		Where("id = ? AND booking_id IN (SELECT id FROM bookings WHERE date_id = ?)", attendeeID, dateID).
		First(&a).Error
	if err != nil {
		return a, model.Booking{}, notFound(err, fmt.Sprintf("attendee %d on date %d", attendeeID, dateID))
	}
	b, err := q.BookingByID(ctx, a.BookingID)
	return a, b, err
}

// AttendeeByID returns an attendee with their booking (its date and seminar loaded).
func (q Reads) AttendeeByID(ctx context.Context, id uint) (model.Attendee, model.Booking, error) {
	var a model.Attendee
	if err := q.db.WithContext(ctx).First(&a, id).Error; err != nil {
		return a, model.Booking{}, notFound(err, fmt.Sprintf("attendee %d", id))
	}
	b, err := q.BookingByID(ctx, a.BookingID)
	return a, b, err
}

// CheckInsOfDate returns every check-in of a date, by day and time.
func (q Reads) CheckInsOfDate(ctx context.Context, dateID uint) ([]model.CheckIn, error) {
	var out []model.CheckIn
	err := q.db.WithContext(ctx).Where("date_id = ?", dateID).Order("day, checked_in_at, id").Find(&out).Error
	return out, err
}

// CheckInsOfAttendees returns the check-ins on a date of the given attendees (one page of its
// list), by day and time: a page reads its own rows, not the whole date's.
func (q Reads) CheckInsOfAttendees(ctx context.Context, dateID uint, attendeeIDs []uint) ([]model.CheckIn, error) {
	var out []model.CheckIn
	err := inChunks(attendeeIDs, func(ids []uint) error {
		var part []model.CheckIn
		err := q.db.WithContext(ctx).Where("date_id = ? AND attendee_id IN ?", dateID, ids).Order("day, checked_in_at, id").Find(&part).Error
		out = append(out, part...)
		return err
	})
	return out, err
}

// CheckInsOfAttendee returns an attendee's check-ins on a date, by day.
func (q Reads) CheckInsOfAttendee(ctx context.Context, dateID, attendeeID uint) ([]model.CheckIn, error) {
	var out []model.CheckIn
	err := q.db.WithContext(ctx).Where("date_id = ? AND attendee_id = ?", dateID, attendeeID).Order("day, id").Find(&out).Error
	return out, err
}
