package invoice

import "seminars/internal/model"

// TaxCase is the tax question of a booking by a buyer for a date of format, asked of this seller.
func (s Seller) TaxCase(format string, buyer model.Billing, standardRateBP int) model.TaxCase {
	return model.TaxCase{
		Format: format, BuyerCountry: buyer.Country, BuyerVATID: buyer.VATID,
		SellerMode: s.TaxMode, SellerHasVATID: s.VATID != "",
		SellerHasIdentifier: s.RegistrationID != "" || s.TaxNumber != "", StandardRateBP: standardRateBP,
	}
}

// Warnings say what the seller's settings lack for some documents or bookings, for the log at
// start-up: the service runs, but what each warning names is refused, degraded or not declared.
func (s Seller) Warnings() []string {
	var out []string
	if s.Phone == "" || s.Email == "" {
		out = append(out, "seller_phone or seller_email is empty: e-invoices are plain EN 16931, never XRechnung (public buyers with a Leitweg-ID need XRechnung)")
	}
	if s.PostalCode == "" || s.City == "" {
		out = append(out, `seller_address has no postal code and city ("Street 1, 12345 City"): e-invoices are never XRechnung`)
	}
	if s.VATID == "" {
		out = append(out, "seller_vat_id is empty: online seminars for businesses in other EU countries (reverse charge) are refused")
	}
	if s.VATID == "" && s.RegistrationID == "" {
		out = append(out, "seller_vat_id and seller_registration_id are empty: e-invoices name the seller by its Steuernummer (BT-29); set seller_registration_id")
	}
	if s.RegistrationID == "" && s.TaxNumber == "" {
		out = append(out, "seller_registration_id and seller_tax_number are empty: invoices to businesses outside the EU (no VAT IDs allowed) cannot name the seller; online bookings from outside the EU are refused")
	}
	if s.IBAN == "" {
		out = append(out, "seller_iban is empty: invoices paid by bank transfer state no account")
	}
	return out
}
