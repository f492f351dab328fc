package model

// TaxTreatment is how a booking is taxed; it is stored on the booking and frozen on each of its
// documents, which print the category and note it implies.
type TaxTreatment string

// Tax treatments.
const (
	// TaxStandard is German VAT at the configured rate (category S).
	TaxStandard TaxTreatment = "standard"
	// TaxReverseCharge is an online seminar for a business in another EU country: the place of
	// supply is the customer's country (§3a Abs. 2 UStG), the customer owes the VAT (category AE).
	TaxReverseCharge TaxTreatment = "reverse_charge"
	// TaxNotTaxable is an online seminar for a business outside the EU: the place of supply is
	// outside Germany (§3a Abs. 2 UStG), so no German VAT (category O).
	TaxNotTaxable TaxTreatment = "not_taxable"
	// TaxKleinunternehmer is a small business that charges no VAT (§19 UStG, category E).
	TaxKleinunternehmer TaxTreatment = "kleinunternehmer"
	// TaxExemptTraining is training exempt from VAT (§4 Nr. 21 UStG, category E).
	TaxExemptTraining TaxTreatment = "exempt_training"
)

// Seller tax modes (setting seller_tax_mode): how the seller taxes what is supplied in Germany.
const (
	SellerTaxStandard         = "standard"
	SellerTaxKleinunternehmer = "kleinunternehmer"
	SellerTaxExemptTraining   = "exempt_training"
)

// SellerTaxModes are the valid values of seller_tax_mode.
var SellerTaxModes = []string{SellerTaxStandard, SellerTaxKleinunternehmer, SellerTaxExemptTraining}

// Category is the UNTDID 5305 VAT category code the treatment's documents state.
func (t TaxTreatment) Category() string {
	switch t {
	case TaxReverseCharge:
		return "AE"
	case TaxNotTaxable:
		return "O"
	case TaxKleinunternehmer, TaxExemptTraining:
		return "E"
	}
	return "S"
}

// ChargesVAT tells whether documents of the treatment add VAT to the net amount.
func (t TaxTreatment) ChargesVAT() bool { return t == TaxStandard || t == "" }

// CarriesVATIDs tells whether documents of the treatment may state VAT IDs: a category O
// document states none (EN 16931 BR-O-02), so it names the seller by its identifier instead.
func (t TaxTreatment) CarriesVATIDs() bool { return t != TaxNotTaxable }

// Tax is the treatment of one booking and the rate that goes with it.
type Tax struct {
	Treatment TaxTreatment
	RateBP    int
}

// Totals prices a net amount under the tax: the one place where VAT is added, for the form's
// total, the booking, its invoice and every correction. A treatment without German VAT has a
// total equal to its net amount.
func (t Tax) Totals(netCents int64) Totals {
	if !t.Treatment.ChargesVAT() {
		return Totals{NetCents: netCents, GrossCents: netCents}
	}
	return ComputeTotals(netCents, t.RateBP)
}

// NetOfGross is the net part of a gross amount under the tax (a refund, what is left after a
// fee), rounded as NetOfGross rounds; without German VAT net and gross are the same.
func (t Tax) NetOfGross(grossCents int64) int64 {
	if !t.Treatment.ChargesVAT() {
		return grossCents
	}
	return NetOfGross(grossCents, t.RateBP)
}

// TaxCase is what decides a booking's tax: where the seminar takes place, who the customer is,
// and how the seller is registered.
type TaxCase struct {
	// Format is FormatInPerson or FormatOnline.
	Format string
	// BuyerCountry is the billing country (ISO 3166-1 alpha-2); it is the customer's country.
	BuyerCountry string
	// BuyerVATID is the customer's VAT ID (or, outside the EU, business tax ID) as normalised by
	// NormalizeVATID; a customer abroad without one is taken to be a private person.
	BuyerVATID string
	// SellerMode is one of SellerTaxModes ("" means standard).
	SellerMode string
	// SellerHasVATID tells whether the seller has a USt-IdNr., which reverse charge needs.
	SellerHasVATID bool
	// SellerHasIdentifier tells whether the seller can be named without a VAT ID (a registration
	// or a Steuernummer), which a document without VAT IDs (not taxable) needs.
	SellerHasIdentifier bool
	// StandardRateBP is the German VAT rate in basis points (vat_rate_bp).
	StandardRateBP int
}

// Reasons a TaxCase is refused; each is also the message key ("error.tax.<reason>") shown on the
// booking form.
const (
	TaxRefusedPrivateAbroad = "private_abroad"
	TaxRefusedSellerNoVATID = "seller_no_vat_id"
	// TaxRefusedSellerNoIdentifier: a not-taxable document carries no VAT IDs, and the seller has
	// no other identifier (seller_registration_id, seller_tax_number) to be named by.
	TaxRefusedSellerNoIdentifier = "seller_no_identifier"
	taxRefusedMessagePrefix      = "error.tax."
	taxRefusedField              = "billing.vat_id"
)

// TaxRefusedError says a booking falls outside the tax rules this service applies.
type TaxRefusedError struct {
	Reason string
}

func (e *TaxRefusedError) Error() string { return "tax: booking refused: " + e.Reason }

// Fields is the refusal as form messages, so the booking form shows it at the VAT ID.
func (e *TaxRefusedError) Fields() map[string]string {
	return map[string]string{taxRefusedField: taxRefusedMessagePrefix + e.Reason}
}

// euMembers are the EU member states by ISO 3166-1 code (Greece is GR here, EL only in VAT IDs).
var euMembers = map[string]bool{
	"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true, "DE": true, "DK": true, "EE": true,
	"ES": true, "FI": true, "FR": true, "GR": true, "HR": true, "HU": true, "IE": true, "IT": true,
	"LT": true, "LU": true, "LV": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true,
	"SE": true, "SI": true, "SK": true,
}

// InEU tells whether a country (ISO 3166-1 alpha-2) is an EU member state.
func InEU(country string) bool { return euMembers[country] }

// DomesticTax is the tax of a seminar supplied in Germany under the seller's mode: what a
// customer in Germany pays, and what the catalogue and the booking form show.
func DomesticTax(sellerMode string, standardRateBP int) Tax {
	switch sellerMode {
	case SellerTaxKleinunternehmer:
		return Tax{Treatment: TaxKleinunternehmer}
	case SellerTaxExemptTraining:
		return Tax{Treatment: TaxExemptTraining}
	}
	return Tax{Treatment: TaxStandard, RateBP: standardRateBP}
}

// DecideTax is the place-of-supply rule for seminars, written once (checked against §3a UStG as
// in force since 1 January 2025):
//
//   - admission to a seminar attended in person is supplied where it takes place (§3a Abs. 3
//     Nr. 5 UStG) — in Germany, so German tax under the seller's mode, whoever the customer is;
//   - an online seminar for a business is supplied where the business is established (§3a
//     Abs. 2 UStG): in Germany German tax; in another EU country reverse charge (the customer owes
//     the VAT, Art. 196 VAT Directive), which needs both VAT IDs; outside the EU not taxable in
//     Germany;
//   - an online seminar for a private person is supplied where the person lives (§3a Abs. 3
//     Nr. 3 Satz 2 UStG since 2025: streamed or otherwise virtual): German tax for a customer in
//     Germany; abroad it would need registration there (OSS), which this service does not do, so
//     it is refused. (In person, for a private person, §3a Abs. 3 Nr. 3 Satz 1 also gives the
//     place where the seminar is held.)
//
// A customer abroad counts as a business when they give a VAT ID (a business tax ID outside the
// EU). The error is a *TaxRefusedError.
func DecideTax(c TaxCase) (Tax, error) {
	domestic := DomesticTax(c.SellerMode, c.StandardRateBP)
	switch {
	case c.Format != FormatOnline:
		return domestic, nil // in person, and every in-person date takes place in Germany
	case c.BuyerCountry == "DE":
		return domestic, nil
	case c.BuyerVATID == "":
		return Tax{}, &TaxRefusedError{Reason: TaxRefusedPrivateAbroad}
	case InEU(c.BuyerCountry):
		if !c.SellerHasVATID {
			return Tax{}, &TaxRefusedError{Reason: TaxRefusedSellerNoVATID}
		}
		return Tax{Treatment: TaxReverseCharge}, nil
	case !c.SellerHasIdentifier:
		return Tax{}, &TaxRefusedError{Reason: TaxRefusedSellerNoIdentifier}
	}
	return Tax{Treatment: TaxNotTaxable}, nil
}
