package invoice_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestInvoicePDFText(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	r := renderer(t)
	de := issue(t, st, seedBooking(t, st, date, 2, "de"), issueDay)
	en := issue(t, st, seedBooking(t, st, date, 1, "en"), issueDay)
	var credit model.Invoice
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		var err error
		credit, err = invoice.IssueCreditNote(context.Background(), tx, de, de.NetCents, "Stornierung durch Kunden", issueDay.Add(time.Hour))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	title := date.Seminar.TitleDE
	cases := []struct {
		name string
		inv  model.Invoice
		want []string
	}{
		{"german invoice with §14 UStG content", de, []string{
			"Rechnung RE-2026-00001", "Social Media Kompetenz – Jörg Weiß", "Musterstraße 1", "10115 Berlin",
			"DE123456789", "Müller & Söhne GmbH", "Jürgen Groß", "Königsallee 5", "40212 Düsseldorf", "DE987654321",
			"28.11.2026", "Leistungsdatum", date.StartsAt.In(berlin(t)).Format("02.01.2006"), title, "Änne", "Straßer 1", "Straßer 2",
			"PO-4711", "991-12345-67", "980,00 €", "Umsatzsteuer 19 %", "186,20 €", "1.166,20 €",
			"bis zum 12.12.2026", "DE02120300000000202051", "BYLADEM1001",
		}},
		{"english invoice", en, []string{
			"Invoice RE-2026-00002", "Date of service", "VAT 19 %", "€490.00", "€93.10", "€583.10", "28 November 2026", "Bank details",
		}},
		{"credit note references the original with negative amounts", credit, []string{
			"Rechnungskorrektur (Stornorechnung) GS-2026-00001", "Korrektur der Rechnung RE-2026-00001",
			"Stornierung durch Kunden", "-980,00 €", "-186,20 €", "-1.166,20 €",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf, err := r.InvoicePDF(c.inv)
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("KEEP_PDF") != "" {
				_ = os.WriteFile("/tmp/"+c.inv.Number+".pdf", pdf, 0o600)
			}
			text := squash(pdfText(t, pdf))
			for _, w := range c.want {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
			again, _ := r.InvoicePDF(c.inv)
			if !bytes.Equal(pdf, again) {
				t.Error("rendering the same record twice gave different files")
			}
		})
	}
}

// squash folds runs of white space (pdftotext's layout, non-breaking spaces) into one space.
func squash(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func berlin(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestInvoicePDFWithManyAttendeesSpillsOntoAnotherPage(t *testing.T) {
	st := storetest.SQLite(t)
	inv := issue(t, st, seedBooking(t, st, seedDate(t, st), 20, "de"), issueDay)
	pdf, err := renderer(t).InvoicePDF(inv)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KEEP_PDF") != "" {
		_ = os.WriteFile("/tmp/many.pdf", pdf, 0o600)
	}
	text := squash(pdfText(t, pdf))
	for _, w := range []string{"Straßer 1 ", "Straßer 20", "9.800,00 €", "11.662,00 €", "DE02120300000000202051", "Rechnung RE-2026-00001 · Seite 2"} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF lacks %q:\n%s", w, text)
		}
	}
}
