package backoffice

import (
	"context"
	"fmt"
	"strings"

	"seminars/internal/model"
	"seminars/internal/store"
)

// unknownVenue is the validation error of a date that names a venue that does not exist.
var unknownVenue = &model.ValidationError{Fields: map[string]string{"venue_id": "admin.error.venue_unknown"}}

// unknownTrainer is the validation error of a date that names a trainer that does not exist.
var unknownTrainer = &model.ValidationError{Fields: map[string]string{"trainer_ids": "admin.error.trainer_unknown"}}

// CreateVenue stores a new venue.
func (s *Service) CreateVenue(ctx context.Context, actor string, v *model.Venue) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateVenue(ctx, v); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditVenueCreated, fmt.Sprintf("venue %d", v.ID), v.Name+", "+v.City)
	})
}

// UpdateVenue writes a venue and carries its name, city and address into every date that names
// it and has not ended, through the date's own update: a published date whose place changes gets
// a new calendar sequence and its attendees are told, as when the date itself is edited.
func (s *Service) UpdateVenue(ctx context.Context, actor string, v model.Venue) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		old, err := tx.VenueByID(ctx, v.ID)
		if err != nil {
			return err
		}
		if err := tx.UpdateVenue(ctx, &v); err != nil {
			return err
		}
		if c := venueChanges(old, v); len(c) > 0 {
			if err := s.audit(ctx, tx, actor, model.AuditVenueUpdated, fmt.Sprintf("venue %d", v.ID), c.String()); err != nil {
				return err
			}
		}
		dates, err := tx.DatesAtVenue(ctx, v.ID, s.now())
		if err != nil {
			return err
		}
		for _, d := range dates {
			if d.Venue == v.Name && d.City == v.City && d.Address == v.Address {
				continue
			}
			d.Venue, d.City, d.Address = v.Name, v.City, v.Address
			d.Trainers = nil // keep them
			if err := s.updateDateInTx(ctx, tx, actor, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteVenue removes a venue that no date names; otherwise model.ErrInUse.
func (s *Service) DeleteVenue(ctx context.Context, actor string, id uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		v, err := tx.VenueByID(ctx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteVenue(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditVenueDeleted, fmt.Sprintf("venue %d", id), v.Name+", "+v.City)
	})
}

// CreateTrainer stores a new trainer.
func (s *Service) CreateTrainer(ctx context.Context, actor string, t *model.Trainer) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateTrainer(ctx, t); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditTrainerCreated, fmt.Sprintf("trainer %d", t.ID), t.Name)
	})
}

// UpdateTrainer writes a trainer's name, biography and photo.
func (s *Service) UpdateTrainer(ctx context.Context, actor string, t model.Trainer) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		old, err := tx.TrainerByID(ctx, t.ID)
		if err != nil {
			return err
		}
		if err := tx.UpdateTrainer(ctx, &t); err != nil {
			return err
		}
		var c changes
		c.add("name", old.Name, t.Name)
		c.add("photo_url", old.PhotoURL, t.PhotoURL)
		if old.BioDE+old.BioEN != t.BioDE+t.BioEN {
			c = append(c, "bio changed")
		}
		if len(c) == 0 {
			return nil
		}
		return s.audit(ctx, tx, actor, model.AuditTrainerUpdated, fmt.Sprintf("trainer %d", t.ID), c.String())
	})
}

// DeleteTrainer removes a trainer assigned to no date; otherwise model.ErrInUse.
func (s *Service) DeleteTrainer(ctx context.Context, actor string, id uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		t, err := tx.TrainerByID(ctx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteTrainer(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditTrainerDeleted, fmt.Sprintf("trainer %d", id), t.Name)
	})
}

// placeDate resolves the venue a date names: an in-person date takes the venue's name, city and
// address; an online date names no venue. An unknown venue is a *model.ValidationError.
func placeDate(ctx context.Context, tx *store.Tx, d *model.SeminarDate) error {
	if d.VenueID == nil {
		d.VenueRecord = nil
		return nil
	}
	if d.Format != model.FormatInPerson {
		d.VenueID, d.VenueRecord = nil, nil
		return nil
	}
	v, err := tx.VenueByID(ctx, *d.VenueID)
	if err != nil {
		return unknownVenue
	}
	d.UseVenue(v)
	return nil
}

// assignTrainers writes the trainers of a date when the caller gave them (nil keeps them) and
// returns the audit line of the change ("" when none). An unknown trainer is a
// *model.ValidationError.
func assignTrainers(ctx context.Context, tx *store.Tx, d *model.SeminarDate, before []model.Trainer) (string, error) {
	if d.Trainers == nil {
		return "", nil
	}
	trainers, err := tx.TrainersByIDs(ctx, model.TrainerIDs(d.Trainers))
	if err != nil {
		return "", unknownTrainer
	}
	d.Trainers = trainers
	if err := tx.SetDateTrainers(ctx, d.ID, model.TrainerIDs(trainers)); err != nil {
		return "", err
	}
	if names(before) == names(trainers) {
		return "", nil
	}
	return "trainers: " + names(before) + " → " + names(trainers), nil
}

func names(trainers []model.Trainer) string {
	out := make([]string, len(trainers))
	for i, t := range trainers {
		out[i] = t.Name
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, ", ")
}

func venueChanges(old, new model.Venue) changes {
	var c changes
	c.add("name", old.Name, new.Name)
	c.add("city", old.City, new.City)
	c.add("address", old.Address, new.Address)
	c.add("room", old.Room, new.Room)
	c.add("map_url", old.MapURL, new.MapURL)
	if old.Directions != new.Directions {
		c = append(c, "directions changed")
	}
	if old.Accessibility != new.Accessibility {
		c = append(c, "accessibility changed")
	}
	return c
}

// SetTrainerPhoto stores an uploaded photo of a trainer: JPEG, PNG or WebP of at most
// model.MaxTrainerPhotoBytes, by its content, not its name. Anything else is a
// *model.ValidationError on "photo" and changes nothing.
func (s *Service) SetTrainerPhoto(ctx context.Context, actor string, trainerID uint, data []byte) error {
	field := func(key string) error { return &model.ValidationError{Fields: map[string]string{"photo": key}} }
	switch {
	case len(data) == 0:
		return field("admin.error.photo_empty")
	case len(data) > model.MaxTrainerPhotoBytes:
		return field("admin.error.photo_too_large")
	case model.PhotoType(data) == "":
		return field("admin.error.photo_type")
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.TrainerByID(ctx, trainerID); err != nil {
			return err
		}
		p := model.TrainerPhoto{TrainerID: trainerID, ContentType: model.PhotoType(data), Data: data}
		if err := tx.SetTrainerPhoto(ctx, p); err != nil {
			return err
		}
		detail := fmt.Sprintf("photo uploaded (%s, %d bytes)", p.ContentType, len(data))
		return s.audit(ctx, tx, actor, model.AuditTrainerUpdated, fmt.Sprintf("trainer %d", trainerID), detail)
	})
}

// DeleteTrainerPhoto removes a trainer's uploaded photo.
func (s *Service) DeleteTrainerPhoto(ctx context.Context, actor string, trainerID uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.TrainerByID(ctx, trainerID); err != nil {
			return err
		}
		if err := tx.DeleteTrainerPhoto(ctx, trainerID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditTrainerUpdated, fmt.Sprintf("trainer %d", trainerID), "photo removed")
	})
}
