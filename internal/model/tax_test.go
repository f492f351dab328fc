package model

import (
	"errors"
	"testing"
)

func TestDecideTax(t *testing.T) {
	const rate = 1900
	cases := []struct {
		name       string
		c          TaxCase
		want       Tax
		refused    string
		grossOf100 int64
		// noIdentifier: the seller has neither a registration nor a Steuernummer
		noIdentifier bool
	}{
		{"in person, company in Germany", TaxCase{Format: FormatInPerson, BuyerCountry: "DE", BuyerVATID: "DE123456789", SellerHasVATID: true},
			Tax{TaxStandard, rate}, "", 11900, false},
		{"in person, Austrian company with VAT ID pays German VAT", TaxCase{Format: FormatInPerson, BuyerCountry: "AT", BuyerVATID: "ATU12345678", SellerHasVATID: true},
			Tax{TaxStandard, rate}, "", 11900, false},
		{"in person, private person abroad pays German VAT", TaxCase{Format: FormatInPerson, BuyerCountry: "FR"},
			Tax{TaxStandard, rate}, "", 11900, false},
		{"in person, Swiss company pays German VAT", TaxCase{Format: FormatInPerson, BuyerCountry: "CH", BuyerVATID: "CHE-123.456.789"},
			Tax{TaxStandard, rate}, "", 11900, false},
		{"online, customer in Germany", TaxCase{Format: FormatOnline, BuyerCountry: "DE"},
			Tax{TaxStandard, rate}, "", 11900, false},
		{"online, Austrian company with VAT ID: reverse charge", TaxCase{Format: FormatOnline, BuyerCountry: "AT", BuyerVATID: "ATU12345678", SellerHasVATID: true},
			Tax{Treatment: TaxReverseCharge}, "", 10000, false},
		{"online, Greek company (EL): reverse charge", TaxCase{Format: FormatOnline, BuyerCountry: "GR", BuyerVATID: "EL123456789", SellerHasVATID: true},
			Tax{Treatment: TaxReverseCharge}, "", 10000, false},
		{"online, EU company but seller has only a Steuernummer", TaxCase{Format: FormatOnline, BuyerCountry: "AT", BuyerVATID: "ATU12345678"},
			Tax{}, TaxRefusedSellerNoVATID, 0, false},
		{"online, Swiss company: not taxable in Germany", TaxCase{Format: FormatOnline, BuyerCountry: "CH", BuyerVATID: "CHE-123.456.789", SellerHasVATID: true},
			Tax{Treatment: TaxNotTaxable}, "", 10000, false},
		{"online, UK company, seller without VAT ID: not taxable", TaxCase{Format: FormatOnline, BuyerCountry: "GB", BuyerVATID: "GB123456789"},
			Tax{Treatment: TaxNotTaxable}, "", 10000, false},
		{"online, Swiss company, seller without registration or Steuernummer", TaxCase{Format: FormatOnline, BuyerCountry: "CH", BuyerVATID: "CHE-123.456.789", SellerHasVATID: true},
			Tax{}, TaxRefusedSellerNoIdentifier, 0, true},
		{"online, private person in Austria refused", TaxCase{Format: FormatOnline, BuyerCountry: "AT", SellerHasVATID: true},
			Tax{}, TaxRefusedPrivateAbroad, 0, false},
		{"online, private person in Switzerland refused", TaxCase{Format: FormatOnline, BuyerCountry: "CH", SellerHasVATID: true},
			Tax{}, TaxRefusedPrivateAbroad, 0, false},
		{"Kleinunternehmer in person", TaxCase{Format: FormatInPerson, BuyerCountry: "DE", SellerMode: SellerTaxKleinunternehmer},
			Tax{Treatment: TaxKleinunternehmer}, "", 10000, false},
		{"Kleinunternehmer online for a German customer", TaxCase{Format: FormatOnline, BuyerCountry: "DE", SellerMode: SellerTaxKleinunternehmer},
			Tax{Treatment: TaxKleinunternehmer}, "", 10000, false},
		{"Kleinunternehmer online for an EU company: reverse charge", TaxCase{Format: FormatOnline, BuyerCountry: "NL", BuyerVATID: "NL123456789B01", SellerMode: SellerTaxKleinunternehmer, SellerHasVATID: true},
			Tax{Treatment: TaxReverseCharge}, "", 10000, false},
		{"exempt training in person", TaxCase{Format: FormatInPerson, BuyerCountry: "AT", SellerMode: SellerTaxExemptTraining},
			Tax{Treatment: TaxExemptTraining}, "", 10000, false},
		{"exempt training online for a Swiss company", TaxCase{Format: FormatOnline, BuyerCountry: "CH", BuyerVATID: "CHE-123.456.789", SellerMode: SellerTaxExemptTraining},
			Tax{Treatment: TaxNotTaxable}, "", 10000, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.c.StandardRateBP = rate
			if !c.noIdentifier {
				c.c.SellerHasIdentifier = true
			}
			got, err := DecideTax(c.c)
			if c.refused != "" {
				var refused *TaxRefusedError
				if !errors.As(err, &refused) || refused.Reason != c.refused {
					t.Fatalf("DecideTax = %+v, %v; want refusal %q", got, err, c.refused)
				}
				if refused.Fields()["billing.vat_id"] != "error.tax."+c.refused {
					t.Fatalf("refusal fields %v", refused.Fields())
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("DecideTax = %+v, %v; want %+v", got, err, c.want)
			}
			if tot := got.Totals(10000); tot.GrossCents != c.grossOf100 || tot.NetCents+tot.VATCents != tot.GrossCents {
				t.Fatalf("Totals(100 €) = %+v, want gross %d", tot, c.grossOf100)
			}
		})
	}
}

func TestTaxCategories(t *testing.T) {
	cases := []struct {
		treatment TaxTreatment
		category  string
		vatIDs    bool
	}{
		{TaxStandard, "S", true}, {TaxReverseCharge, "AE", true}, {TaxNotTaxable, "O", false},
		{TaxKleinunternehmer, "E", true}, {TaxExemptTraining, "E", true}, {"", "S", true},
	}
	for _, c := range cases {
		t.Run(string(c.treatment), func(t *testing.T) {
			if got := c.treatment.Category(); got != c.category {
				t.Errorf("Category = %s, want %s", got, c.category)
			}
			if got := c.treatment.CarriesVATIDs(); got != c.vatIDs {
				t.Errorf("CarriesVATIDs = %v, want %v", got, c.vatIDs)
			}
		})
	}
}
