package store

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
)

// Venues returns every venue by name.
func (q Reads) Venues(ctx context.Context) ([]model.Venue, error) {
	var out []model.Venue
	return out, q.db.WithContext(ctx).Order("name, city, id").Find(&out).Error
}

// VenueByID returns a venue.
func (q Reads) VenueByID(ctx context.Context, id uint) (model.Venue, error) {
	var v model.Venue
	err := q.db.WithContext(ctx).First(&v, id).Error
	return v, notFound(err, fmt.Sprintf("venue %d", id))
}

// DatesAtVenue returns the dates that name a venue and have not ended at now, with their
// seminars, earliest first: the dates a change of the venue reaches.
func (q Reads) DatesAtVenue(ctx context.Context, venueID uint, now time.Time) ([]model.SeminarDate, error) {
	var out []model.SeminarDate
	err := q.db.WithContext(ctx).Preload("Seminar").
		Where("venue_id = ? AND ends_at > ? AND status <> ?", venueID, now.UTC(), model.DateCancelled).
		Order("starts_at, id").Find(&out).Error
	return out, err
}

// CreateVenue inserts a venue.
func (tx *Tx) CreateVenue(ctx context.Context, v *model.Venue) error {
	return tx.db.WithContext(ctx).Create(v).Error
}

// UpdateVenue writes a venue's fields.
func (tx *Tx) UpdateVenue(ctx context.Context, v *model.Venue) error {
	res := tx.db.WithContext(ctx).Model(&model.Venue{}).Where("id = ?", v.ID).Updates(map[string]any{
		"name": v.Name, "city": v.City, "address": v.Address, "room": v.Room, "directions": v.Directions,
		"accessibility": v.Accessibility, "map_url": v.MapURL, "updated_at": tx.stamp(),
	})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("venue %d: %w", v.ID, model.ErrNotFound)
	}
	return res.Error
}

// DeleteVenue removes a venue no date names; one that dates name (past ones too: their pages and
// documents show it) is refused with model.ErrInUse.
func (tx *Tx) DeleteVenue(ctx context.Context, id uint) error {
	var n int64
	if err := tx.db.WithContext(ctx).Model(&model.SeminarDate{}).Where("venue_id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("venue %d: %d dates: %w", id, n, model.ErrInUse)
	}
	res := tx.db.WithContext(ctx).Delete(&model.Venue{}, id)
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("venue %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// fillVenuesAndTrainers loads the venue record and the trainers of each date, in two queries
// whatever the number of dates.
func (q Reads) fillVenuesAndTrainers(ctx context.Context, dates ...*model.SeminarDate) error {
	if len(dates) == 0 {
		return nil
	}
	var venueIDs, dateIDs []uint
	for _, d := range dates {
		dateIDs = append(dateIDs, d.ID)
		if d.VenueID != nil {
			venueIDs = append(venueIDs, *d.VenueID)
		}
	}
	if len(venueIDs) > 0 {
		var venues []model.Venue
		if err := q.db.WithContext(ctx).Where("id IN ?", venueIDs).Find(&venues).Error; err != nil {
			return err
		}
		byID := map[uint]model.Venue{}
		for _, v := range venues {
			byID[v.ID] = v
		}
		for _, d := range dates {
			if d.VenueID != nil {
				if v, ok := byID[*d.VenueID]; ok {
					d.VenueRecord = &v
				}
			}
		}
	}
	trainers, err := q.trainersOfDates(ctx, dateIDs)
	for _, d := range dates {
		d.Trainers = trainers[d.ID]
	}
	return err
}
