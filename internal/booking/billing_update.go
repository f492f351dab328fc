package booking

import (
	"context"
	"strings"

	"seminars/internal/model"
	"seminars/internal/store"
)

// BillingChange is what a billing edit did: the booking before and after (repriced when the new
// billing data changed the tax), and the documents of the correction.
type BillingChange struct {
	Before, After model.Booking
	Correction    Corrected
}

// PriceChanged tells whether the edit changed what the booking costs (the tax was decided again).
func (c BillingChange) PriceChanged() bool { return c.Before.GrossCents != c.After.GrossCents }

// UpdateBillingInTx changes a booking's billing data (company, contact, address, VAT ID, PO
// number, buyer reference) in tx: the input is normalised as at booking (the VAT ID written as
// documents print it), the tax is decided again for the new country and VAT ID, and the issued
// invoice is corrected (CorrectInTx). An unchanged form changes nothing; a cancelled or expired
// booking is a model.ErrInvalidTransition.
func (s *Service) UpdateBillingInTx(ctx context.Context, tx *store.Tx, reference string, in model.Billing) (BillingChange, error) {
	billing, err := normaliseBilling(in)
	if err != nil {
		return BillingChange{}, err
	}
	b, err := tx.LockBooking(ctx, strings.ToUpper(strings.TrimSpace(reference)))
	if err != nil {
		return BillingChange{}, err
	}
	if !model.HoldsSeats(b.Status) {
		return BillingChange{}, model.ErrInvalidTransition
	}
	if billing == b.Billing {
		return BillingChange{Before: b, After: b}, nil
	}
	next := b
	next.Billing = billing
	c, err := s.CorrectInTx(ctx, tx, next, Correction{What: model.CorrectionBilling})
	return BillingChange{Before: b, After: c.Booking, Correction: c}, err
}
