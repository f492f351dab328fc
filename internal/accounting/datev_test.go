package accounting

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func testSettings(chart string) Settings {
	return Settings{
		ConsultantNumber: 29098, ClientNumber: 55003, Chart: chart, AccountLength: 4,
		FiscalYearStartMonth: 1, DebtorAccount: 10000, DateBasis: BasisInvoice, Location: storetest.Berlin(),
	}
}

// parseDATEV decodes a file as Windows-1252 and splits it into records, checking the line ends.
func parseDATEV(t *testing.T, raw []byte) [][]string {
	t.Helper()
	text, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(text, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(text, []byte("\r\n"), nil), []byte("\n")) {
		t.Fatalf("lines must end in CR LF and only there: %q", text)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord = ';', -1
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

func entry(kind, number string, treatment model.TaxTreatment, buyer, vatID string, gross int64, issued time.Time) Entry {
	return Entry{Date: issued, Invoice: model.Invoice{
		Kind: kind, Number: number, TaxTreatment: treatment, GrossCents: gross, Currency: "EUR", IssuedAt: issued,
		Buyer: model.Party{Name: buyer, VATID: vatID}, ServiceStart: issued.AddDate(0, 1, 0),
	}}
}

func TestWriteDATEV(t *testing.T) {
	jan := Period{From: storetest.InBerlin(2026, 1, 1, 0, 0), To: storetest.InBerlin(2026, 1, 31, 0, 0)}
	created := time.Date(2026, 2, 3, 8, 4, 5, 678_000_000, time.UTC)
	entries := []Entry{
		entry(model.InvoiceKindInvoice, "RE-2026-00001", model.TaxStandard, `Müller; Söhne "Digital" GmbH 🚀`, "", 58310, storetest.InBerlin(2026, 1, 10, 10, 0)),
		entry(model.InvoiceKindInvoice, "RE-2026-00002", model.TaxReverseCharge, "Österreich Medien GmbH", "ATU12345678", 98000, storetest.InBerlin(2026, 1, 15, 9, 0)),
		entry(model.InvoiceKindCreditNote, "GS-2026-00001", model.TaxStandard, "Müller GmbH", "", -29155, storetest.InBerlin(2026, 1, 20, 9, 0)),
		entry(model.InvoiceKindInvoice, "RE-2026-00003", model.TaxNotTaxable, "Zürich AG", "", 120000, storetest.InBerlin(2026, 1, 31, 23, 30)),
		entry(model.InvoiceKindInvoice, "RE-2026-00004", model.TaxExemptTraining, "Schule e. V.", "", 10000, storetest.InBerlin(2026, 1, 31, 8, 0)),
		entry(model.InvoiceKindInvoice, "RE-2026-00005", model.TaxKleinunternehmer, "Klein GmbH", "", 10000, storetest.InBerlin(2026, 1, 31, 8, 0)),
	}
	cases := []struct {
		chart    string
		accounts []string // Gegenkonto of each entry
	}{
		{ChartSKR03, []string{"8400", "8336", "8400", "8338", "8100", "8195"}},
		{ChartSKR04, []string{"4400", "4336", "4400", "4338", "4100", "4185"}},
	}
	for _, c := range cases {
		t.Run(c.chart, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteDATEV(&buf, testSettings(c.chart), jan, created, entries); err != nil {
				t.Fatal(err)
			}
			recs := parseDATEV(t, buf.Bytes())
			if len(recs) != 2+len(entries) {
				t.Fatalf("%d lines, want header, columns and %d records", len(recs), len(entries))
			}
			head := recs[0]
			want := map[int]string{0: "EXTF", 1: "700", 2: "21", 3: "Buchungsstapel", 4: "13", 5: "20260203090405678",
				10: "29098", 11: "55003", 12: "20260101", 13: "4", 14: "20260101", 15: "20260131", 21: "EUR", 26: map[string]string{ChartSKR03: "03", ChartSKR04: "04"}[c.chart]}
			if len(head) != 31 {
				t.Fatalf("header has %d fields, want 31", len(head))
			}
			for i, v := range want {
				if head[i] != v {
					t.Errorf("header field %d = %q, want %q", i+1, head[i], v)
				}
			}
			if got := strings.Join(recs[1], "|"); got != strings.Join(bookingColumns[:], "|") || len(recs[1]) != 125 {
				t.Fatalf("column line differs (%d fields): %s", len(recs[1]), got)
			}
			for i, rec := range recs[2:] {
				if len(rec) != len(recs[1]) {
					t.Fatalf("record %d has %d fields, the column line %d", i, len(rec), len(recs[1]))
				}
				if rec[colGegenkonto] != c.accounts[i] || rec[colKonto] != "10000" {
					t.Errorf("%s: Konto %s Gegenkonto %s, want 10000 / %s", rec[colBelegfeld1], rec[colKonto], rec[colGegenkonto], c.accounts[i])
				}
			}
			first, rc, credit, late := recs[2], recs[3], recs[4], recs[5]
			if first[colUmsatz] != "583,10" || first[colSollHaben] != "S" || first[colBelegdatum] != "1001" ||
				first[colBuchungstext] != `Müller; Söhne "Digital" GmbH ?` || first[colLeistungsdatum] != "10022026" {
				t.Errorf("first record %q", first[:14])
			}
			if rc[colEULandUStID] != "ATU12345678" || first[colEULandUStID] != "" {
				t.Errorf("reverse charge VAT ID %q, standard %q", rc[colEULandUStID], first[colEULandUStID])
			}
			if credit[colUmsatz] != "291,55" || credit[colSollHaben] != "H" {
				t.Errorf("credit note %q", credit[:3])
			}
			if late[colBelegdatum] != "3101" { // 23:30 in Berlin is still the 31st
				t.Errorf("late-evening document dated %s", late[colBelegdatum])
			}
		})
	}
}

func TestWriteDATEVRefusesAPeriodAcrossFiscalYears(t *testing.T) {
	cases := []struct {
		name       string
		from, to   string
		startMonth int
		refused    bool
	}{
		{"calendar year", "2026-01-01", "2026-12-31", 1, false},
		{"across new year", "2025-12-01", "2026-01-31", 1, true},
		{"fiscal year from July", "2025-07-01", "2026-06-30", 7, false},
		{"across July", "2026-06-01", "2026-07-31", 7, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ParsePeriod(c.from, c.to, storetest.Berlin())
			if err != nil {
				t.Fatal(err)
			}
			s := testSettings(ChartSKR03)
			s.FiscalYearStartMonth = c.startMonth
			var buf bytes.Buffer
			err = WriteDATEV(&buf, s, p, p.To, nil)
			var fe *model.FieldError
			if got := errors.As(err, &fe) && fe.Reason == ReasonPeriodFiscalYear; got != c.refused {
				t.Fatalf("refused %v (%v), want %v", got, err, c.refused)
			}
			if c.refused && buf.Len() != 0 {
				t.Fatal("a refused period still wrote a file")
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	cases := []struct {
		name, from, to string
		field          string
		reason         model.Reason
	}{
		{"one day", "2026-03-01", "2026-03-01", "", ""},
		{"missing from", "", "2026-03-01", "from", ReasonPeriodDate},
		{"bad to", "2026-03-01", "31.03.2026", "to", ReasonPeriodDate},
		{"no such day", "2026-02-30", "2026-03-01", "from", ReasonPeriodDate},
		{"reversed", "2026-03-02", "2026-03-01", "to", ReasonPeriodOrder},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParsePeriod(c.from, c.to, storetest.Berlin())
			var fe *model.FieldError
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.As(err, &fe) || fe.Field != c.field || fe.Reason != c.reason {
				t.Fatalf("error %v, want %s/%s", err, c.field, c.reason)
			}
		})
	}
}

func TestWindows1252ReplacesWhatItCannotHold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Müller Straße €", "Müller Straße €"},
		{"Rocket 🚀 GmbH", "Rocket ? GmbH"},
		{"日本", "??"},
		{"tab\there", "tab here"},
		{"line\r\nbreak", "line  break"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := charmap.Windows1252.NewDecoder().String(string(windows1252(c.in)))
			if err != nil || got != c.want {
				t.Fatalf("%q → %q (%v), want %q", c.in, got, err, c.want)
			}
		})
	}
}
