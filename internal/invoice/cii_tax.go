package invoice

import (
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// The parts of the e-invoice that follow from the tax treatment and the payment: VAT category,
// rate and exemption reason (BG-23, line BT-151/152), and the payment means (BG-16).

// TaxNote is the note a document without German VAT must carry (§14a UStG for reverse charge,
// §19 UStG, the exemption's provision), in the document's language; "" for standard VAT.
func TaxNote(t *i18n.Translator, treatment model.TaxTreatment) string {
	if treatment.ChargesVAT() {
		return ""
	}
	return t.T("doc.tax_note." + string(treatment))
}

// exemptionCodes are the VATEX codes (BT-121) of the categories that have one.
var exemptionCodes = map[model.TaxTreatment]string{
	model.TaxReverseCharge: "VATEX-EU-AE",
	model.TaxNotTaxable:    "VATEX-EU-O",
}

// headerTax is the document's VAT breakdown (BG-23) for its treatment.
func headerTax(t *i18n.Translator, inv model.Invoice, net, vat int64) ciiTax {
	tax := lineTax(inv)
	tax.CalculatedAmount, tax.BasisAmount = amount(vat), amount(net)
	tax.ExemptionReason = TaxNote(t, inv.TaxTreatment)
	tax.ExemptionReasonCode = exemptionCodes[inv.TaxTreatment]
	if tax.RatePercent == "" {
		tax.RatePercent = "0" // the breakdown states its rate even for category O (XRechnung BR-DE-14)
	}
	return tax
}

// lineTax is category and rate of every line: the document has one treatment. A category O
// line has no rate (BR-O-05); the other categories without VAT have 0.
func lineTax(inv model.Invoice) ciiTax {
	tax := ciiTax{TypeCode: "VAT", CategoryCode: inv.TaxTreatment.Category(), RatePercent: percent(inv.VATRateBP)}
	switch {
	case inv.TaxTreatment == model.TaxNotTaxable:
		tax.RatePercent = ""
	case !inv.TaxTreatment.ChargesVAT():
		tax.RatePercent = "0"
	}
	return tax
}

// paymentMeans says how the amount is (or was) paid (BG-16, which XRechnung requires on every
// document, BR-DE-1): through Stripe for card bookings; by transfer to the seller's IBAN for
// invoice bookings; a credit note of an invoice booking names no instrument, as the buyer's
// account is not known.
func paymentMeans(inv model.Invoice) *ciiPaymentMeans {
	switch {
	case inv.PaymentMethod == model.PaymentCard:
		return &ciiPaymentMeans{TypeCode: meansOnlineService}
	case inv.IsCreditNote() || inv.Seller.IBAN == "":
		return &ciiPaymentMeans{TypeCode: meansNotDefined}
	}
	pm := &ciiPaymentMeans{TypeCode: meansCreditTransfer,
		Account: &ciiAccount{IBAN: strings.ReplaceAll(inv.Seller.IBAN, " ", ""), AccountName: inv.Seller.Name}}
	if inv.Seller.BIC != "" {
		pm.Institution = &ciiInstitution{BIC: inv.Seller.BIC}
	}
	return pm
}
