package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// EditBilling changes a booking's billing data as the trainer, in one transaction with its
// audit entry (booking.UpdateBillingInTx): the tax is decided again and the issued invoice is
// corrected — a credit note and a new invoice with the new address, mailed to the billing
// contact. Both roles may correct an address; when the new data change the price (a new country
// or VAT ID changes the tax) only an owner may, and for anyone else it is model.ErrForbiddenRole
// and nothing changes.
func (s *Service) EditBilling(ctx context.Context, actor string, owner bool, reference string, billing model.Billing) (booking.BillingChange, error) {
	var ch booking.BillingChange
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if ch, err = s.bookings.UpdateBillingInTx(ctx, tx, reference, billing); err != nil {
			return err
		}
		if ch.PriceChanged() && !owner {
			return fmt.Errorf("billing of %s changes the price: %w", ch.Before.Reference, model.ErrForbiddenRole)
		}
		if ch.Before.Billing == ch.After.Billing {
			return nil
		}
		detail := billingChanges(ch.Before.Billing, ch.After.Billing)
		if ch.PriceChanged() {
			detail += fmt.Sprintf("; gross_cents: %d → %d", ch.Before.GrossCents, ch.After.GrossCents)
		}
		return s.audit(ctx, tx, actor, model.AuditBillingChanged, "booking "+ch.Before.Reference, detail+correctionDetail(ch.Correction))
	})
	return ch, err
}

// billingChanges lists the fields that differ, old → new.
func billingChanges(a, b model.Billing) string {
	var c changes
	c.add("company", a.Company, b.Company)
	c.add("name", a.Name, b.Name)
	c.add("email", a.Email, b.Email)
	c.add("street", a.Street, b.Street)
	c.add("postal_code", a.PostalCode, b.PostalCode)
	c.add("city", a.City, b.City)
	c.add("country", a.Country, b.Country)
	c.add("vat_id", a.VATID, b.VATID)
	c.add("po_number", a.PONumber, b.PONumber)
	c.add("buyer_reference", a.BuyerReference, b.BuyerReference)
	return c.String()
}
