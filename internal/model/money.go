package model

// VAT returns the VAT in cents on a net amount at a rate in basis points (1900 = 19 %).
//
// The rounding rule, written down once: VAT is computed on the booking's total net amount (not per
// line) and rounded half away from zero to the cent, as German invoices show one VAT amount per
// rate. Negative amounts (credit notes) round symmetrically, so a full credit note exactly mirrors
// its invoice.
func VAT(netCents int64, rateBP int) int64 {
	product := netCents * int64(rateBP)
	if product >= 0 {
		return (product + 5000) / 10000
	}
	return -((-product + 5000) / 10000)
}

// Totals are the amounts of a booking or invoice, all in cents.
type Totals struct {
	NetCents   int64
	VATCents   int64
	GrossCents int64
	VATRateBP  int
}

// ComputeTotals adds VAT to a net amount.
func ComputeTotals(netCents int64, rateBP int) Totals {
	vat := VAT(netCents, rateBP)
	return Totals{NetCents: netCents, VATCents: vat, GrossCents: netCents + vat, VATRateBP: rateBP}
}

// Gross returns net plus VAT for a single price, for showing "incl. VAT" next to a net price.
func Gross(netCents int64, rateBP int) int64 { return netCents + VAT(netCents, rateBP) }
