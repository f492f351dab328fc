package invoice_test

import (
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestTaxNotesOnPDF: an invoice without German VAT says why on paper too (§14a UStG for reverse
// charge), states no VAT rate and totals its net amount.
func TestTaxNotesOnPDF(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	r := renderer(t)
	cases := []struct {
		name      string
		treatment model.TaxTreatment
		lang      string
		want      []string
	}{
		{"reverse charge, German", model.TaxReverseCharge, "de", []string{"Steuerschuldnerschaft des Leistungsempfängers", "ATU12345678", "DE123456789", "980,00 €"}},
		{"reverse charge, English", model.TaxReverseCharge, "en", []string{"Reverse charge", "Steuerschuldnerschaft des Leistungsempfängers", "€980.00"}},
		{"not taxable", model.TaxNotTaxable, "de", []string{"Nicht im Inland steuerbare Leistung", "§ 3a Abs. 2 UStG"}},
		{"Kleinunternehmer", model.TaxKleinunternehmer, "de", []string{"Gemäß § 19 UStG wird keine Umsatzsteuer berechnet"}},
		{"exempt training", model.TaxExemptTraining, "en", []string{"Exempt from VAT under § 4 No. 21 UStG"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := seedBookingWith(t, st, date, 2, c.lang, func(b *model.Booking) {
				b.TaxTreatment, b.VATRateBP = c.treatment, 0
				b.Billing.Country, b.Billing.VATID = "AT", "ATU12345678"
				tot := b.Tax().Totals(b.NetCents)
				b.VATCents, b.GrossCents = tot.VATCents, tot.GrossCents
			})
			inv := issue(t, st, b, issueDay)
			if inv.GrossCents != inv.NetCents || inv.VATCents != 0 {
				t.Fatalf("invoice totals net %d VAT %d gross %d", inv.NetCents, inv.VATCents, inv.GrossCents)
			}
			pdf, err := r.InvoicePDF(inv)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("PDF lacks %q:\n%s", w, text)
				}
			}
			if strings.Contains(text, "19 %") || strings.Contains(text, "19%") {
				t.Errorf("PDF states a VAT rate:\n%s", text)
			}
		})
	}
}
