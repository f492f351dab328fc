package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// ReplaceAttendee gives an attendee's seat to another person: new name and e-mail, and the
// check-in cleared, as the new person has not arrived yet.
func (tx *Tx) ReplaceAttendee(ctx context.Context, id uint, firstName, lastName, email string) error {
	res := tx.db.WithContext(ctx).Model(&model.Attendee{}).Where("id = ?", id).Updates(map[string]any{
		"first_name": firstName, "last_name": lastName, "email": email, "checked_in_at": nil, "updated_at": tx.stamp(),
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("attendee %d: %w", id, model.ErrNotFound)
	}
	return nil
}
