package store

import (
	"context"
	"time"

	"seminars/internal/model"
)

// CreateWaitlistEntry puts someone in line for a date.
func (tx *Tx) CreateWaitlistEntry(ctx context.Context, e *model.WaitlistEntry) error {
	return tx.db.WithContext(ctx).Create(e).Error
}

// WaitlistForDate returns a date's entries in line order (first come, first served).
func (q Reads) WaitlistForDate(ctx context.Context, dateID uint) ([]model.WaitlistEntry, error) {
	var out []model.WaitlistEntry
	err := q.db.WithContext(ctx).Where("date_id = ?", dateID).Order("created_at, id").Find(&out).Error
	return out, err
}

// FirstWaiting returns the first entry still waiting on a date.
func (q Reads) FirstWaiting(ctx context.Context, dateID uint) (model.WaitlistEntry, error) {
	var e model.WaitlistEntry
	err := q.db.WithContext(ctx).Where("date_id = ? AND status = ?", dateID, model.WaitlistWaiting).
		Order("created_at, id").First(&e).Error
	return e, notFound(err, "waiting entry")
}

// DatesWithWaiting returns the ids of dates where someone waits.
func (q Reads) DatesWithWaiting(ctx context.Context) ([]uint, error) {
	var ids []uint
	err := q.db.WithContext(ctx).Model(&model.WaitlistEntry{}).Where("status = ?", model.WaitlistWaiting).
		Distinct("date_id").Order("date_id").Pluck("date_id", &ids).Error
	return ids, err
}

// ExpiredOffers returns offers whose time ran out at now.
func (q Reads) ExpiredOffers(ctx context.Context, now time.Time) ([]model.WaitlistEntry, error) {
	var out []model.WaitlistEntry
	err := q.db.WithContext(ctx).Where("status = ? AND offer_expires_at <= ?", model.WaitlistOffered, now.UTC()).
		Order("id").Find(&out).Error
	return out, err
}

// WaitlistEntryByOfferHash returns the entry an offer link belongs to.
func (q Reads) WaitlistEntryByOfferHash(ctx context.Context, hash string) (model.WaitlistEntry, error) {
	var e model.WaitlistEntry
	err := q.db.WithContext(ctx).Where("offer_token_hash = ?", hash).First(&e).Error
	return e, notFound(err, "waitlist offer")
}

// MoveWaitlistEntry changes an entry's status only if it still has the status from, so two
// workers (or a worker and the person accepting) never both act on it. It tells whether it moved.
func (tx *Tx) MoveWaitlistEntry(ctx context.Context, e *model.WaitlistEntry, from string) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.WaitlistEntry{}).Where("id = ? AND status = ?", e.ID, from).
		Updates(map[string]any{
			"status": e.Status, "offer_token_hash": e.OfferTokenHash, "offered_at": e.OfferedAt,
			"offer_expires_at": e.OfferExpiresAt, "booking_reference": e.BookingReference, "updated_at": tx.stamp(),
		})
	return res.RowsAffected == 1, res.Error
}

// WaitlistEntryByID returns one waiting-list entry.
func (q Reads) WaitlistEntryByID(ctx context.Context, id uint) (model.WaitlistEntry, error) {
	var e model.WaitlistEntry
	err := q.db.WithContext(ctx).First(&e, id).Error
	return e, notFound(err, "waitlist entry")
}
