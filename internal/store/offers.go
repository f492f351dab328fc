package store

import (
	"context"
	"fmt"

	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// CreateOffer stores an issued offer; its number was taken in the same transaction.
func (tx *Tx) CreateOffer(ctx context.Context, o *model.Offer) error {
	return tx.db.WithContext(ctx).Create(o).Error
}

// AcceptOffer records that an open offer was accepted and which unlisted date it became. The
// status is checked in the UPDATE, so of two acceptances racing only one wins; the other gets
// model.ErrInvalidTransition and its transaction (with the date it made) rolls back.
func (tx *Tx) AcceptOffer(ctx context.Context, o *model.Offer) error {
	res := tx.db.WithContext(ctx).Model(&model.Offer{}).Where("id = ? AND status = ?", o.ID, model.OfferSent).
		Updates(map[string]any{"status": model.OfferAccepted, "date_id": o.DateID, "accepted_at": o.AcceptedAt,
			"accepted_by": o.AcceptedBy, "updated_at": tx.stamp()})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("offer %s is no longer open: %w", o.Number, model.ErrInvalidTransition)
	}
	o.Status = model.OfferAccepted
	return nil
}

// OfferByID returns one offer.
func (q Reads) OfferByID(ctx context.Context, id uint) (model.Offer, error) {
	var o model.Offer
	err := q.db.WithContext(ctx).First(&o, id).Error
	return o, notFound(err, fmt.Sprintf("offer %d", id))
}

// OfferByDate returns the offer whose acceptance made the unlisted date.
func (q Reads) OfferByDate(ctx context.Context, dateID uint) (model.Offer, error) {
	var o model.Offer
	err := q.db.WithContext(ctx).Where("date_id = ?", dateID).First(&o).Error
	return o, notFound(err, fmt.Sprintf("offer of date %d", dateID))
}

// Offers returns the newest offers first; inquiryID > 0 keeps those answering one inquiry.
func (q Reads) Offers(ctx context.Context, inquiryID uint, limit int) ([]model.Offer, error) {
	var out []model.Offer
	db := q.db.WithContext(ctx).Order("id DESC").Limit(limit)
	if inquiryID > 0 {
		db = db.Where("inquiry_id = ?", inquiryID)
	}
	return out, db.Find(&out).Error
}

// StoreOfferDocument stores an offer's rendered PDF; a second store of the same offer keeps the
// first (the bytes sent are the bytes kept).
func (tx *Tx) StoreOfferDocument(ctx context.Context, doc *model.OfferDocument) error {
	return tx.db.WithContext(ctx).
		Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "offer_id"}}, DoNothing: true}).
		Create(doc).Error
}

// OfferDocument returns an offer's stored PDF.
func (q Reads) OfferDocument(ctx context.Context, offerID uint) (model.OfferDocument, error) {
	var doc model.OfferDocument
	err := q.db.WithContext(ctx).Where("offer_id = ?", offerID).First(&doc).Error
	return doc, notFound(err, fmt.Sprintf("document of offer %d", offerID))
}
