package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

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
	if err := tx.db.WithContext(ctx).Where("trainer_id = ?", id).Delete(&model.TrainerPhoto{}).Error; err != nil {
		return err
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

// TrainerPhoto returns the uploaded photo of a trainer; none is model.ErrNotFound.
func (q Reads) TrainerPhoto(ctx context.Context, trainerID uint) (model.TrainerPhoto, error) {
	var p model.TrainerPhoto
	err := q.db.WithContext(ctx).First(&p, "trainer_id = ?", trainerID).Error
	return p, notFound(err, fmt.Sprintf("photo of trainer %d", trainerID))
}

// SetTrainerPhoto stores a trainer's uploaded photo in place of any earlier one and counts its
// version up, so its URL changes.
func (tx *Tx) SetTrainerPhoto(ctx context.Context, p model.TrainerPhoto) error {
	db := tx.db.WithContext(ctx)
	if err := db.Where("trainer_id = ?", p.TrainerID).Delete(&model.TrainerPhoto{}).Error; err != nil {
		return err
	}
	if err := db.Create(&p).Error; err != nil {
		return err
	}
	return db.Model(&model.Trainer{}).Where("id = ?", p.TrainerID).
		Updates(map[string]any{"photo_version": gorm.Expr("photo_version + 1"), "updated_at": tx.stamp()}).Error
}

// DeleteTrainerPhoto removes a trainer's uploaded photo; the pages fall back to photo_url.
func (tx *Tx) DeleteTrainerPhoto(ctx context.Context, trainerID uint) error {
	db := tx.db.WithContext(ctx)
	if err := db.Where("trainer_id = ?", trainerID).Delete(&model.TrainerPhoto{}).Error; err != nil {
		return err
	}
	return db.Model(&model.Trainer{}).Where("id = ?", trainerID).
		Updates(map[string]any{"photo_version": 0, "updated_at": tx.stamp()}).Error
}
