package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// Trainers returns every trainer by name.
func (q Reads) Trainers(ctx context.Context) ([]model.Trainer, error) {
	var out []model.Trainer
	return out, q.db.WithContext(ctx).Order("name, id").Find(&out).Error
}

// TrainerByID returns a trainer.
func (q Reads) TrainerByID(ctx context.Context, id uint) (model.Trainer, error) {
	var t model.Trainer
	err := q.db.WithContext(ctx).First(&t, id).Error
	return t, notFound(err, fmt.Sprintf("trainer %d", id))
}

// TrainersByIDs returns the trainers with the given ids in the order given; an unknown id is
// model.ErrNotFound.
func (q Reads) TrainersByIDs(ctx context.Context, ids []uint) ([]model.Trainer, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var found []model.Trainer
	if err := q.db.WithContext(ctx).Where("id IN ?", ids).Find(&found).Error; err != nil {
		return nil, err
	}
	byID := map[uint]model.Trainer{}
	for _, t := range found {
		byID[t.ID] = t
	}
	out := make([]model.Trainer, 0, len(ids))
	for _, id := range ids {
		t, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("trainer %d: %w", id, model.ErrNotFound)
		}
		out = append(out, t)
	}
	return out, nil
}

// trainersOfDates returns the trainers of each date, in their assigned order.
func (q Reads) trainersOfDates(ctx context.Context, dateIDs []uint) (map[uint][]model.Trainer, error) {
	var rows []struct {
		DateID uint
		model.Trainer
	}
	err := q.db.WithContext(ctx).Table("date_trainers").
		Select("date_trainers.date_id, trainers.*").
		Joins("JOIN trainers ON trainers.id = date_trainers.trainer_id").
		Where("date_trainers.date_id IN ?", dateIDs).
		Order("date_trainers.date_id, date_trainers.position, trainers.id").
		Scan(&rows).Error
	out := map[uint][]model.Trainer{}
	for _, r := range rows {
		out[r.DateID] = append(out[r.DateID], r.Trainer)
	}
	return out, err
}

// CreateTrainer inserts a trainer.
func (tx *Tx) CreateTrainer(ctx context.Context, t *model.Trainer) error {
	return tx.db.WithContext(ctx).Create(t).Error
}

// UpdateTrainer writes a trainer's fields.
func (tx *Tx) UpdateTrainer(ctx context.Context, t *model.Trainer) error {
	res := tx.db.WithContext(ctx).Model(&model.Trainer{}).Where("id = ?", t.ID).Updates(map[string]any{
		"name": t.Name, "bio_de": t.BioDE, "bio_en": t.BioEN, "photo_url": t.PhotoURL, "updated_at": tx.stamp(),
	})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("trainer %d: %w", t.ID, model.ErrNotFound)
	}
	return res.Error
}

// DeleteTrainer removes a trainer no date names; one still assigned is refused with
// model.ErrInUse.
func (tx *Tx) DeleteTrainer(ctx context.Context, id uint) error {
	var n int64
	if err := tx.db.WithContext(ctx).Model(&model.DateTrainer{}).Where("trainer_id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("trainer %d: %d dates: %w", id, n, model.ErrInUse)
	}
	res := tx.db.WithContext(ctx).Delete(&model.Trainer{}, id)
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("trainer %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// SetDateTrainers replaces the trainers of a date by ids, in that order.
func (tx *Tx) SetDateTrainers(ctx context.Context, dateID uint, ids []uint) error {
	db := tx.db.WithContext(ctx)
	if err := db.Where("date_id = ?", dateID).Delete(&model.DateTrainer{}).Error; err != nil {
		return err
	}
	for i, id := range ids {
		if err := db.Create(&model.DateTrainer{DateID: dateID, TrainerID: id, Position: i}).Error; err != nil {
			return err
		}
	}
	return nil
}
