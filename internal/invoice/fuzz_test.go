package invoice_test

import (
	"bytes"
	"testing"
	"time"

	"seminars/internal/model"
)

// fuzzSeeds are texts every document fuzz test starts from.
var fuzzSeeds = []string{
	"Müller & Söhne GmbH", "Café 😀 GmbH", "👨‍👩‍👧 🇩🇪", "中文 日本語 한국어", "שלום עולם", "شركة عربية",
	"Jose\u0301", "a\x00\x0b\u200d\r\n", "\xff\xfe", "\ufffe", "Donaudampfschifffahrtsgesellschaftskapitän",
}

// fuzzInvoice is an issued invoice held in memory with the fuzzed texts in the fields a booker
// and the trainer fill in.
func fuzzInvoice(company, contact, street, city, po, leitweg, line string, en, credit bool) model.Invoice {
	at := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	due := at.AddDate(0, 0, 14)
	inv := model.Invoice{
		Kind: model.InvoiceKindInvoice, Number: "RE-2026-00001", Year: 2026, Sequence: 1, BookingReference: "T0000001",
		IssuedAt: at, ServiceStart: at.AddDate(0, 1, 0), ServiceEnd: at.AddDate(0, 1, 2), DueDate: &due,
		Buyer: model.Party{Name: company, Contact: contact, Street: street, PostalCode: "40212", City: city, Country: "DE", VATID: "DE987654321", Email: "a@example.de"},
		Seller: model.Party{
			Name: "Social Media Kompetenz – Jörg Weiß", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin", Country: "DE",
			VATID: "DE123456789", Email: "seminare@example.com", Phone: "+49 30 1234567", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001", Bank: "DKB",
		},
		Lines:    []model.InvoiceLine{{Description: line, Quantity: 1, UnitNetCents: 49000, NetCents: 49000}},
		NetCents: 49000, VATCents: 9310, GrossCents: 58310, VATRateBP: 1900, Currency: "EUR", Language: "de",
		PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, PONumber: po, BuyerReference: leitweg,
	}
	if en {
		inv.Language = "en"
	}
	if credit {
		inv.Kind, inv.Number, inv.OriginalNumber, inv.Reason = model.InvoiceKindCreditNote, "GS-2026-00001", "RE-2026-00001", line
		inv.Lines[0].UnitNetCents, inv.Lines[0].NetCents = -49000, -49000
	}
	return inv
}

// FuzzInvoicePDF renders invoices and credit notes with arbitrary text in the buyer's fields,
// the PO number, the Leitweg-ID, the line and the reason: never a panic, never an error.
func FuzzInvoicePDF(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, s, s, s, s, s, s, i%2 == 0, i%3 == 0)
	}
	r := renderer(f)
	f.Fuzz(func(t *testing.T, company, contact, street, city, po, leitweg, line string, en, credit bool) {
		pdf, err := r.InvoicePDF(fuzzInvoice(company, contact, street, city, po, leitweg, line, en, credit))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("not a PDF: %.20q", pdf)
		}
	})
}

// FuzzCertificatePDF renders certificates with arbitrary text in the attendee's name, the
// seminar's title and contents, the venue and the trainer's name.
func FuzzCertificatePDF(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, s, s, s, s, i%2 == 0)
	}
	r := renderer(f)
	start := time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, name, title, contents, venue, trainer string, en bool) {
		lang := "de"
		if en {
			lang = "en"
		}
		b, a := certificateBooking(lang, start, start.Add(56*time.Hour), name)
		b.Date.Seminar.TitleDE, b.Date.Seminar.TitleEN = title, title
		b.Date.Seminar.DescriptionDE, b.Date.Seminar.DescriptionEN = contents, contents
		b.Date.Venue = venue
		pdf, err := r.Certificate(b, a, testSeller(), trainer)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("not a PDF: %.20q", pdf)
		}
	})
}

// FuzzCIIXML renders e-invoices with arbitrary text in the same fields: the XML is always
// well-formed.
func FuzzCIIXML(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, s, s, s, s, s, s, i%3 == 0)
	}
	r := renderer(f)
	f.Fuzz(func(t *testing.T, company, contact, street, city, po, leitweg, line string, credit bool) {
		doc, err := r.EInvoiceXML(fuzzInvoice(company, contact, street, city, po, leitweg, line, false, credit))
		if err != nil {
			t.Fatal(err)
		}
		assertWellFormed(t, doc)
	})
}
