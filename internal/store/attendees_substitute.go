package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// ReplaceAttendee gives an attendee's seat to another person: new name and e-mail, the
// check-ins and the old holder's answers cleared, as the new person has not arrived yet nor
// answered, and the attendee's secret rotated,
// so the old holder's page link and check-in code stop working.
func (tx *Tx) ReplaceAttendee(ctx context.Context, id uint, firstName, lastName, email string) error {
	res := tx.db.WithContext(ctx).Model(&model.Attendee{}).Where("id = ?", id).Updates(map[string]any{
		"first_name": firstName, "last_name": lastName, "email": email, "checked_in_at": nil, "updated_at": tx.stamp(),
		"secret_rotation": gorm.Expr("secret_rotation + 1"),
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("attendee %d: %w", id, model.ErrNotFound)
	}
	if err := tx.DeleteAnswersOf(ctx, id); err != nil {
		return err
	}
	return tx.db.WithContext(ctx).Where("attendee_id = ?", id).Delete(&model.CheckIn{}).Error
}
