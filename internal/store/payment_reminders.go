package store

import (
	"context"

	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// AddPaymentReminder records a payment reminder unless its invoice already had that step: the
// unique (invoice, step) index decides, also between instances running the job at once (on
// PostgreSQL the second insert waits for the first to commit, then does nothing). It tells
// whether this call recorded it.
func (tx *Tx) AddPaymentReminder(ctx context.Context, r *model.PaymentReminder) (bool, error) {
	if r.CreatedAt.IsZero() {
		r.CreatedAt = tx.stamp()
	}
	res := tx.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "invoice_id"}, {Name: "step"}}, DoNothing: true,
	}).Create(r)
	return res.RowsAffected == 1, res.Error
}

// PaymentRemindersOfBooking lists a booking's payment reminders, oldest first.
func (q Reads) PaymentRemindersOfBooking(ctx context.Context, bookingID uint) ([]model.PaymentReminder, error) {
	var out []model.PaymentReminder
	err := q.db.WithContext(ctx).Where("booking_id = ?", bookingID).Order("id").Find(&out).Error
	return out, err
}

// CountPaymentReminders counts the payment reminders of each booking named (absent: none).
func (q Reads) CountPaymentReminders(ctx context.Context, bookingIDs []uint) (map[uint]int, error) {
	out := map[uint]int{}
	if len(bookingIDs) == 0 {
		return out, nil
	}
	err := inChunks(bookingIDs, func(ids []uint) error {
		var rows []struct {
			BookingID uint
			N         int
		}
		err := q.db.WithContext(ctx).Model(&model.PaymentReminder{}).Select("booking_id, COUNT(*) AS n").
			Where("booking_id IN ?", ids).Group("booking_id").Scan(&rows).Error
		for _, r := range rows {
			out[r.BookingID] = r.N
		}
		return err
	})
	return out, err
}
