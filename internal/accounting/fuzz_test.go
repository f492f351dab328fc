package accounting

import (
	"bytes"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// FuzzParsePeriod: any pair of query values either is refused with a field error or gives a
// period whose end is not before its start.
func FuzzParsePeriod(f *testing.F) {
	f.Add("2026-01-01", "2026-01-31")
	f.Add("2026-02-30", "x")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, from, to string) {
		p, err := ParsePeriod(from, to, storetest.Berlin())
		if err != nil {
			if _, ok := err.(*model.FieldError); !ok {
				t.Fatalf("%T %v is not a field error", err, err)
			}
			return
		}
		if p.To.Before(p.From) || !p.Contains(p.From) || p.Contains(p.End()) {
			t.Fatalf("period %v", p)
		}
	})
}

// FuzzDATEVRecord: whatever a customer's company is called, its record reads back with all 125
// fields, so no name can shift DATEV's columns.
func FuzzDATEVRecord(f *testing.F) {
	f.Add(`Müller; Söhne "Digital" GmbH 🚀`, "RE-2026-00001")
	f.Add("a\r\nb\x00c", `"`)
	f.Fuzz(func(t *testing.T, buyer, number string) {
		p := Period{From: storetest.InBerlin(2026, 1, 1, 0, 0), To: storetest.InBerlin(2026, 1, 31, 0, 0)}
		at := storetest.InBerlin(2026, 1, 10, 10, 0)
		e := Entry{Date: at, Invoice: model.Invoice{Kind: model.InvoiceKindInvoice, Number: number, GrossCents: 100,
			Currency: "EUR", IssuedAt: at, Buyer: model.Party{Name: buyer}}}
		var buf bytes.Buffer
		if err := WriteDATEV(&buf, testSettings(ChartSKR03), p, time.Time{}, []Entry{e}); err != nil {
			t.Fatal(err)
		}
		recs := parseDATEV(t, buf.Bytes())
		if len(recs) != 3 || len(recs[2]) != len(bookingColumns) {
			t.Fatalf("%d lines, record of %d fields", len(recs), len(recs[len(recs)-1]))
		}
	})
}
