package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// AddAttendee adds a person to an existing booking (one attendee more); a.BookingID names the
// booking and a gets its id. The caller takes the seat in the same transaction.
func (tx *Tx) AddAttendee(ctx context.Context, a *model.Attendee) error {
	a.CreatedAt, a.UpdatedAt = tx.stamp(), tx.stamp()
	return tx.db.WithContext(ctx).Create(a).Error
}

// RemoveAttendee deletes an attendee of a booking (one attendee cancelled), if the attendee
// still belongs to it, with its answers. The audit entry and the cancellation notice keep the name and address.
func (tx *Tx) RemoveAttendee(ctx context.Context, bookingID, attendeeID uint) error {
	if err := tx.db.WithContext(ctx).Where("attendee_id IN (?)",
		tx.db.Model(&model.Attendee{}).Select("id").Where("id = ? AND booking_id = ?", attendeeID, bookingID)).
		Delete(&model.AttendeeAnswer{}).Error; err != nil {
		return err
	}
	res := tx.db.WithContext(ctx).Where("id = ? AND booking_id = ?", attendeeID, bookingID).Delete(&model.Attendee{})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("attendee %d of booking %d: %w", attendeeID, bookingID, model.ErrNotFound)
	}
	return res.Error
}
