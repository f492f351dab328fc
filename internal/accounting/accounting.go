// Package accounting hands the accountant what they need from the issued invoices and credit
// notes of a period: a DATEV Buchungsstapel (EXTF) to import into DATEV, a ZIP of the stored PDFs
// and e-invoices, and the figures of the Zusammenfassende Meldung (ZM) per quarter. It only reads:
// every figure comes from the documents as they were issued.
package accounting

import (
	"time"

	"seminars/internal/model"
)

// Charts of accounts DATEV offers; the revenue accounts' defaults depend on the chart.
const (
	ChartSKR03 = "skr03"
	ChartSKR04 = "skr04"
)

// Date bases: which date puts a document into a period.
const (
	// BasisInvoice books a document on its issue date (Soll-Versteuerung, the default).
	BasisInvoice = "invoice"
	// BasisPayment books an invoice on the day it was paid (Ist-Versteuerung), a credit note on
	// its issue day or, if later, the day its booking was paid; the documents of unpaid bookings
	// are left out (a credit note cancelling an unpaid invoice moves no money).
	BasisPayment = "payment"
)

// Settings are the accountant's settings (datev_* in config/seminars.yaml).
type Settings struct {
	ConsultantNumber int // Beraternummer
	ClientNumber     int // Mandantennummer
	Chart            string
	AccountLength    int // Sachkontenlänge: digits of a general ledger account
	// FiscalYearStartMonth is the month the fiscal year starts in (1 = calendar year).
	FiscalYearStartMonth int
	// DebtorAccount is the one collective debtor account every document is booked against.
	DebtorAccount int
	// RevenueAccounts override the chart's default revenue account of a tax treatment.
	RevenueAccounts map[model.TaxTreatment]int
	DateBasis       string
	Location        *time.Location // the service's time zone: documents are dated in it
}

// defaultRevenueAccounts are DATEV's standard revenue accounts per chart and tax treatment. All
// are automatic accounts (the tax key is implied by the account), so no BU-Schlüssel is needed:
//   - standard: Erlöse 19 % USt (SKR03 8400, SKR04 4400);
//   - reverse charge: Erlöse aus im anderen EU-Land steuerpflichtigen sonstigen Leistungen, für
//     die der Leistungsempfänger die Umsatzsteuer schuldet (8336, 4336), which also feed the ZM;
//   - not taxable: Erlöse aus im Drittland steuerbaren Leistungen, im Inland nicht steuerbare
//     Umsätze (8338, 4338);
//   - exempt training (§ 4 Nr. 21 UStG): Steuerfreie Umsätze § 4 Nr. 8 ff. UStG (8100, 4100);
//   - Kleinunternehmer (§ 19 UStG): Erlöse als Kleinunternehmer (8195, 4185).
var defaultRevenueAccounts = map[string]map[model.TaxTreatment]int{
	ChartSKR03: {
		model.TaxStandard: 8400, model.TaxReverseCharge: 8336, model.TaxNotTaxable: 8338,
		model.TaxExemptTraining: 8100, model.TaxKleinunternehmer: 8195,
	},
	ChartSKR04: {
		model.TaxStandard: 4400, model.TaxReverseCharge: 4336, model.TaxNotTaxable: 4338,
		model.TaxExemptTraining: 4100, model.TaxKleinunternehmer: 4185,
	},
}

// RevenueAccount is the account a document of the treatment is booked on.
func (s Settings) RevenueAccount(t model.TaxTreatment) int {
	if t == "" {
		t = model.TaxStandard
	}
	if a := s.RevenueAccounts[t]; a > 0 {
		return a
	}
	return defaultRevenueAccounts[s.Chart][t]
}

// chartCode is the chart as the EXTF header names it (field 27, Sachkontenrahmen).
func (s Settings) chartCode() string {
	if s.Chart == ChartSKR04 {
		return "04"
	}
	return "03"
}
