package invoice_test

import (
	"context"
	"strings"
	"testing"

	"seminars/internal/invoice"
	"seminars/internal/invoice/einvoicetest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// sellerVariants are the seller set-ups the settings allow, each named by what it lacks or adds.
func sellerVariants() map[string]invoice.Seller {
	full := testSeller()
	steuernummerOnly := full
	steuernummerOnly.VATID = ""
	registered := steuernummerOnly
	registered.RegistrationID = "HRB 12345 B"
	registeredGLN := full
	registeredGLN.RegistrationID, registeredGLN.RegistrationScheme = "4000001123452", "0088"
	noPhone := full
	noPhone.Phone = ""
	noIBAN := full
	noIBAN.IBAN, noIBAN.BIC, noIBAN.Bank = "", "", ""
	klein := steuernummerOnly
	klein.TaxMode = model.SellerTaxKleinunternehmer
	exempt := full
	exempt.TaxMode = model.SellerTaxExemptTraining
	vatOnly := full
	vatOnly.TaxNumber = ""
	return map[string]invoice.Seller{
		"full": full, "steuernummer only": steuernummerOnly, "registered, no VAT ID": registered,
		"GLN registration": registeredGLN, "no phone": noPhone, "no IBAN": noIBAN,
		"Kleinunternehmer": klein, "exempt training": exempt, "VAT ID only": vatOnly,
	}
}

// docCase is one document the service can produce.
type docCase struct {
	name   string
	seller string
	// buyer country and VAT ID; "" VAT ID for none
	country, vatID string
	format         string
	card           bool // paid through Stripe
	leitwegID      string
	lang           string
	credit         string // "", "full" or "partial": the document is a credit note of the invoice
	flat           bool   // an in-house booking at a flat price: one line for the whole seminar
	group          bool   // four seats with a group discount (from the 3rd −10 %) and a 5 % voucher: two negative lines
	// what the document must declare
	wantXRechnung bool
	wantCategory  string
}

func docCases() []docCase {
	const leitweg = "991-12345-67"
	return []docCase{
		{name: "invoice, bank transfer, Leitweg-ID", seller: "full", country: "DE", vatID: "DE987654321", leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "S"},
		{name: "invoice, bank transfer, no Leitweg-ID", seller: "full", country: "DE", lang: "de", wantCategory: "S"},
		{name: "invoice, English, Leitweg-ID", seller: "full", country: "DE", leitwegID: leitweg, lang: "en", wantXRechnung: true, wantCategory: "S"},
		{name: "invoice, card paid, Leitweg-ID", seller: "full", country: "DE", card: true, leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "S"},
		{name: "invoice, card paid, English", seller: "full", country: "DE", card: true, lang: "en", wantCategory: "S"},
		{name: "credit note, bank transfer, Leitweg-ID", seller: "full", country: "DE", leitwegID: leitweg, lang: "de", credit: "full", wantXRechnung: true, wantCategory: "S"},
		{name: "partial credit note, card, Leitweg-ID", seller: "full", country: "DE", card: true, leitwegID: leitweg, lang: "en", credit: "partial", wantXRechnung: true, wantCategory: "S"},
		{name: "credit note, no Leitweg-ID", seller: "full", country: "DE", lang: "de", credit: "full", wantCategory: "S"},
		{name: "seller with Steuernummer only, Leitweg-ID", seller: "steuernummer only", country: "DE", leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "S"},
		{name: "seller with Steuernummer only, credit note", seller: "steuernummer only", country: "DE", lang: "de", credit: "full", wantCategory: "S"},
		{name: "seller registered, no VAT ID", seller: "registered, no VAT ID", country: "DE", leitwegID: leitweg, lang: "en", wantXRechnung: true, wantCategory: "S"},
		{name: "seller with GLN", seller: "GLN registration", country: "DE", leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "S"},
		{name: "seller without VAT ID's Steuernummer", seller: "VAT ID only", country: "DE", leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "S"},
		{name: "seller without phone: Leitweg-ID but plain EN 16931", seller: "no phone", country: "DE", leitwegID: leitweg, lang: "de", wantCategory: "S"},
		{name: "seller without IBAN, Leitweg-ID", seller: "no IBAN", country: "DE", leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "S"},
		{name: "reverse charge, Austrian company, online", seller: "full", country: "AT", vatID: "ATU12345678", format: model.FormatOnline, lang: "de", wantCategory: "AE"},
		{name: "reverse charge, Leitweg-ID, English", seller: "full", country: "AT", vatID: "ATU12345678", format: model.FormatOnline, leitwegID: leitweg, lang: "en", wantXRechnung: true, wantCategory: "AE"},
		{name: "reverse charge, card, credit note", seller: "full", country: "NL", vatID: "NL123456789B01", format: model.FormatOnline, card: true, lang: "de", credit: "full", wantCategory: "AE"},
		{name: "not taxable, Swiss company", seller: "full", country: "CH", vatID: "CHE-123.456.789", format: model.FormatOnline, lang: "de", wantCategory: "O"},
		{name: "not taxable, Leitweg-ID, card", seller: "full", country: "CH", vatID: "CHE-123.456.789", format: model.FormatOnline, card: true, leitwegID: leitweg, lang: "en", wantXRechnung: true, wantCategory: "O"},
		{name: "not taxable, registered seller, credit note", seller: "GLN registration", country: "GB", vatID: "GB123456789", format: model.FormatOnline, lang: "en", credit: "partial", wantCategory: "O"},
		{name: "not taxable, seller with VAT ID only but registered", seller: "GLN registration", country: "US", vatID: "US123456789", format: model.FormatOnline, leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "O"},
		{name: "Kleinunternehmer, Leitweg-ID", seller: "Kleinunternehmer", country: "DE", leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "E"},
		{name: "Kleinunternehmer, credit note, English", seller: "Kleinunternehmer", country: "DE", lang: "en", credit: "full", wantCategory: "E"},
		{name: "exempt training, Leitweg-ID, card", seller: "exempt training", country: "FR", format: model.FormatInPerson, card: true, leitwegID: leitweg, lang: "de", wantXRechnung: true, wantCategory: "E"},
		{name: "exempt training, English", seller: "exempt training", country: "DE", lang: "en", wantCategory: "E"},
		{name: "group discount and voucher, Leitweg-ID", seller: "full", country: "DE", leitwegID: leitweg, lang: "de", group: true, wantXRechnung: true, wantCategory: "S"},
		{name: "group discount, English, partial credit note", seller: "full", country: "DE", lang: "en", group: true, credit: "partial", wantCategory: "S"},
		{name: "group discount, reverse charge", seller: "full", country: "AT", vatID: "ATU12345678", format: model.FormatOnline, leitwegID: leitweg, lang: "de", group: true, wantXRechnung: true, wantCategory: "AE"},
		{name: "in-house flat price, Leitweg-ID", seller: "full", country: "DE", leitwegID: leitweg, lang: "de", flat: true, wantXRechnung: true, wantCategory: "S"},
		{name: "in-house flat price, credit note, English", seller: "full", country: "DE", lang: "en", flat: true, credit: "full", wantCategory: "S"},
	}
}

// produce issues the case's invoice (and credit note) the way the service does: the tax decided
// by model.DecideTax, the amounts priced by its Tax.
func (c docCase) produce(t *testing.T, st *store.Store, dates map[string]model.SeminarDate, seller invoice.Seller) model.Invoice {
	t.Helper()
	format := c.format
	if format == "" {
		format = model.FormatInPerson
	}
	billing := model.Billing{
		Company: "Müller & Söhne GmbH", Name: "Jürgen Groß", Email: "buchhaltung@example.de",
		Street: "Königsallee 5", PostalCode: "40212", City: "Düsseldorf", Country: c.country,
		VATID: c.vatID, PONumber: "PO-4711", BuyerReference: c.leitwegID,
	}
	tax, err := model.DecideTax(seller.TaxCase(format, billing, 1900))
	if err != nil {
		t.Fatalf("tax: %v", err)
	}
	date := dates[format]
	seats := 2
	if c.group {
		seats = 4
	}
	b := seedBookingWith(t, st, date, seats, c.lang, func(b *model.Booking) {
		b.Billing = billing
		if c.group {
			b.GroupFromSeat, b.GroupPercentBP = 3, 1000
			b.GroupDiscountCents = b.GroupRule().Discount(b.UnitNetCents, b.Seats)
			voucher := model.Voucher{Code: "TEAM5", Kind: model.VoucherPercent, PercentBP: 500}
			b.VoucherCode, b.DiscountCents = voucher.Code, voucher.Discount(b.SeatsNetCents()-b.GroupDiscountCents)
			b.NetCents = b.ChargedNetCents()
		}
		b.TaxTreatment, b.VATRateBP = tax.Treatment, tax.RateBP
		if c.flat {
			b.FlatPrice, b.UnitNetCents, b.NetCents = true, 480000, 480000
		}
		tot := tax.Totals(b.NetCents)
		b.VATCents, b.GrossCents = tot.VATCents, tot.GrossCents
		if c.card {
			b.PaymentMethod, b.PaymentStatus = model.PaymentCard, model.PaymentPaid
		}
	})
	var doc model.Invoice
	err = st.WithTx(context.Background(), func(tx *store.Tx) error {
		inv, err := invoice.Issue(context.Background(), tx, b, seller, issueDay)
		if err != nil || c.credit == "" {
			doc = inv
			return err
		}
		amount := inv.NetCents
		if c.credit == "partial" {
			amount = inv.NetCents / 2
		}
		doc, err = invoice.IssueCreditNote(context.Background(), tx, inv, amount, "Storno", issueDay.In(seller.Zone()))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestEInvoicesPassTheOfficialRules renders every kind of XML the service produces and checks
// it with the official rules: zero failed assertions under EN 16931, and under XRechnung for each
// document that declares it. Each rule set runs once over all documents (one JVM each).
func TestEInvoicesPassTheOfficialRules(t *testing.T) {
	einvoicetest.RequireSaxon(t)
	st := storetest.SQLite(t)
	dates := map[string]model.SeminarDate{
		model.FormatInPerson: storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 500, PriceNetCents: 49000}),
		model.FormatOnline:   storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 500, PriceNetCents: 39000, Format: model.FormatOnline}),
	}
	sellers := sellerVariants()
	r := renderer(t)
	all, xrechnung := map[string][]byte{}, map[string][]byte{}
	cases := docCases()
	for _, c := range cases {
		inv := c.produce(t, st, dates, sellers[c.seller])
		doc, err := r.EInvoiceXML(inv)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		all[c.name] = doc
		if got := invoice.Guideline(inv) == invoice.GuidelineXRechnung; got != c.wantXRechnung {
			t.Errorf("%s: declares XRechnung %v, want %v", c.name, got, c.wantXRechnung)
		}
		if got := inv.TaxTreatment.Category(); got != c.wantCategory {
			t.Errorf("%s: category %s, want %s", c.name, got, c.wantCategory)
		}
		if !strings.Contains(string(doc), "<ram:CategoryCode>"+c.wantCategory+"</ram:CategoryCode>") {
			t.Errorf("%s: XML lacks category %s", c.name, c.wantCategory)
		}
		if c.wantXRechnung {
			xrechnung[c.name] = doc
		}
	}
	en16931 := einvoicetest.Check(t, einvoicetest.EN16931, all)
	german := einvoicetest.Check(t, einvoicetest.XRechnung, xrechnung)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range en16931[c.name] {
				t.Errorf("EN 16931: %s", f)
			}
			for _, f := range german[c.name] {
				t.Errorf("XRechnung: %s", f)
			}
			if t.Failed() {
				t.Log(string(all[c.name]))
			}
			validateCII(t, all[c.name])
		})
	}
}
