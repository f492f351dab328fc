package backoffice

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// AddMaterial checks and stores a file or link for the attendees of a seminar's every date
// (dateID nil) or of one date of it, with its audit entry, in one transaction. Input that breaks
// a rule (an empty or too large file, no title, a link that is not http(s), a date of another
// seminar) is a *model.ValidationError and stores nothing; an unknown seminar is
// model.ErrNotFound.
func (s *Service) AddMaterial(ctx context.Context, actor string, seminarID uint, dateID *uint, in model.MaterialInput, maxBytes int64) (model.Material, error) {
	m, errs := model.NewMaterial(in, maxBytes)
	if errs != nil {
		return model.Material{}, &model.ValidationError{Fields: errs}
	}
	m.SeminarID, m.DateID, m.CreatedBy = seminarID, dateID, actor
	if m.Kind == model.MaterialFile {
		sum := sha256.Sum256(in.Data)
		m.SHA256 = hex.EncodeToString(sum[:])
	}
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.SeminarByID(ctx, seminarID); err != nil {
			return err
		}
		if dateID != nil {
			d, err := tx.DateToBook(ctx, *dateID)
			if err != nil || d.SeminarID != seminarID {
				return &model.ValidationError{Fields: map[string]string{"date_id": "materials.error.date"}}
			}
		}
		if err := tx.CreateMaterial(ctx, &m, in.Data); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditMaterialAdded, fmt.Sprintf("material %d", m.ID), m.String())
	})
	return m, err
}

// DeleteMaterial removes a material (and a file's bytes) with its audit entry; attendees no
// longer see it.
func (s *Service) DeleteMaterial(ctx context.Context, actor string, id uint) (model.Material, error) {
	var m model.Material
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if m, err = tx.MaterialByID(ctx, id); err != nil {
			return err
		}
		if err := tx.DeleteMaterial(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditMaterialDeleted, fmt.Sprintf("material %d", m.ID), m.String())
	})
	return m, err
}
