package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// SaveBookingTerms writes what a booking's invoice states and a correction may change: the
// seats, the billing data and the price with its tax. Status and payment fields are left alone.
func (tx *Tx) SaveBookingTerms(ctx context.Context, b *model.Booking) error {
	bl := b.Billing
	return tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ?", b.ID).
		Updates(map[string]any{
			"seats": b.Seats, "unit_net_cents": b.UnitNetCents, "discount_cents": b.DiscountCents,
			"group_discount_cents":        b.GroupDiscountCents,
			"cancellation_fees_net_cents": b.CancellationFeesNetCents,
			"net_cents":                   b.NetCents, "vat_cents": b.VATCents, "gross_cents": b.GrossCents,
			"vat_rate_bp": b.VATRateBP, "tax_treatment": b.TaxTreatment,
			"billing_company": bl.Company, "billing_name": bl.Name, "billing_email": bl.Email,
			"billing_street": bl.Street, "billing_postal_code": bl.PostalCode, "billing_city": bl.City,
			"billing_country": bl.Country, "billing_vat_id": bl.VATID, "billing_po_number": bl.PONumber,
			"billing_buyer_reference": bl.BuyerReference,
			"updated_at":              tx.stamp(),
		}).Error
}

// MoveAttendeeToBooking hands an attendee of one booking to another (a single attendee moved to
// another date gets a booking of its own), if the attendee still belongs to from.
func (tx *Tx) MoveAttendeeToBooking(ctx context.Context, attendeeID, from, to uint) error {
	res := tx.db.WithContext(ctx).Model(&model.Attendee{}).Where("id = ? AND booking_id = ?", attendeeID, from).
		Updates(map[string]any{"booking_id": to, "updated_at": tx.stamp()})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("attendee %d of booking %d: %w", attendeeID, from, model.ErrNotFound)
	}
	return res.Error
}
