package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// CreateMaterial stores a material and, for a file, its bytes, in the caller's transaction.
func (tx *Tx) CreateMaterial(ctx context.Context, m *model.Material, data []byte) error {
	db := tx.db.WithContext(ctx)
	if err := db.Create(m).Error; err != nil {
		return err
	}
	if m.Kind != model.MaterialFile {
		return nil
	}
	return db.Create(&model.MaterialContent{MaterialID: m.ID, Data: data}).Error
}

// DeleteMaterial removes a material and its bytes.
func (tx *Tx) DeleteMaterial(ctx context.Context, id uint) error {
	db := tx.db.WithContext(ctx)
	if err := db.Where("material_id = ?", id).Delete(&model.MaterialContent{}).Error; err != nil {
		return err
	}
	res := db.Delete(&model.Material{}, id)
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("material %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// MaterialByID returns one material, without its bytes.
func (q Reads) MaterialByID(ctx context.Context, id uint) (model.Material, error) {
	var m model.Material
	err := q.db.WithContext(ctx).First(&m, id).Error
	return m, notFound(err, fmt.Sprintf("material %d", id))
}

// MaterialsOfSeminar returns every material of a seminar — those for every date and those of
// each date — in the order they were added.
func (q Reads) MaterialsOfSeminar(ctx context.Context, seminarID uint) ([]model.Material, error) {
	var out []model.Material
	err := q.db.WithContext(ctx).Where("seminar_id = ?", seminarID).Order("id").Find(&out).Error
	return out, err
}

// MaterialsForDate returns what a date's attendees may get once released: the seminar's
// materials for every date and the date's own, in the order they were added.
func (q Reads) MaterialsForDate(ctx context.Context, d model.SeminarDate) ([]model.Material, error) {
	var out []model.Material
	err := q.db.WithContext(ctx).Where("seminar_id = ? AND (date_id IS NULL OR date_id = ?)", d.SeminarID, d.ID).
		Order("id").Find(&out).Error
	return out, err
}

// MaterialData returns the bytes of a file material.
func (q Reads) MaterialData(ctx context.Context, materialID uint) ([]byte, error) {
	var c model.MaterialContent
	err := q.db.WithContext(ctx).Where("material_id = ?", materialID).First(&c).Error
	return c.Data, notFound(err, fmt.Sprintf("material %d file", materialID))
}
