package store

import (
	"context"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// ReferenceTaken tells whether a booking reference is already used.
func (q Reads) ReferenceTaken(ctx context.Context, reference string) (bool, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Booking{}).Where("reference = ?", reference).Count(&n).Error
	return n > 0, err
}

// BookingByReference returns a booking with its attendees, date and seminar.
func (q Reads) BookingByReference(ctx context.Context, reference string) (model.Booking, error) {
	var b model.Booking
	err := q.db.WithContext(ctx).
		Preload("Attendees", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Date.Seminar").Preload("Date.VenueRecord").
		Where("reference = ?", reference).
		First(&b).Error
	return b, notFound(err, "booking "+reference)
}

// SaveBookingStatus writes a booking's status fields after a transition.
func (tx *Tx) SaveBookingStatus(ctx context.Context, b *model.Booking) error {
	return tx.db.WithContext(ctx).Model(b).Select("status", "payment_status", "hold_expires_at", "confirmed_at", "cancelled_at", "updated_at").
		Updates(map[string]any{
			"status": b.Status, "payment_status": b.PaymentStatus, "hold_expires_at": b.HoldExpiresAt,
			"confirmed_at": b.ConfirmedAt, "cancelled_at": b.CancelledAt, "updated_at": tx.stamp(),
		}).Error
}

// CountBookingsForDate counts a date's bookings in a status.
func (q Reads) CountBookingsForDate(ctx context.Context, dateID uint, status model.BookingStatus) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Booking{}).Where("date_id = ? AND status = ?", dateID, status).Count(&n).Error
	return n, err
}

// SeatsHeldForDate sums the seats of the bookings that hold seats on a date; it must always equal
// the date's SeatsTaken.
func (q Reads) SeatsHeldForDate(ctx context.Context, dateID uint) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Booking{}).
		Where("date_id = ? AND status IN ?", dateID, heldSeats).
		Select("COALESCE(SUM(seats), 0)").Scan(&n).Error
	return n, err
}

// CountAttendees counts all stored attendees (for tests that prove nothing partial is stored).
func (q Reads) CountAttendees(ctx context.Context) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Attendee{}).Count(&n).Error
	return n, err
}

// SetManageRotation stores a booking's new manage-link rotation and drops the hash of its old
// random token: from now on only the link derived at rotation is valid.
func (tx *Tx) SetManageRotation(ctx context.Context, bookingID uint, rotation int64) error {
	return tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ?", bookingID).
		Updates(map[string]any{"manage_rotation": rotation, "manage_token_hash": ""}).Error
}
