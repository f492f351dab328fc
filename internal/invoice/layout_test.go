package invoice_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestInvoiceLayoutAtAwkwardHours renders invoices and credit notes for dates at the hours that
// broke them — a date across midnight in Berlin, across the DST change, across New Year, several
// days — in German and English, and checks with pdftotext's word boxes that no two words are
// printed over each other and that the service date range is there in full.
func TestInvoiceLayoutAtAwkwardHours(t *testing.T) {
	berlin := berlin(t)
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		name           string
		start, end     time.Time
		wantDE, wantEN string
	}{
		{"one day", at("2027-03-10 09:00"), at("2027-03-10 17:00"), "10.03.2027", "10 March 2027"},
		{"across midnight in Berlin", at("2027-01-14 17:00"), at("2027-01-15 01:00"), "14.01.2027 – 15.01.2027", "14 January 2027 – 15 January 2027"},
		{"23:30 Berlin start", at("2027-06-30 23:30"), at("2027-07-01 07:30"), "30.06.2027 – 01.07.2027", "30 June 2027 – 1 July 2027"},
		{"across the DST change", at("2027-03-27 20:00"), at("2027-03-28 04:00"), "27.03.2027 – 28.03.2027", "27 March 2027 – 28 March 2027"},
		{"New Year", at("2027-12-31 18:00"), at("2028-01-01 02:00"), "31.12.2027 – 01.01.2028", "31 December 2027 – 1 January 2028"},
		{"three days in September", at("2027-09-13 09:00"), at("2027-09-15 17:00"), "13.09.2027 – 15.09.2027", "13 September 2027 – 15 September 2027"},
	}
	r := renderer(t)
	for _, c := range cases {
		st := storetest.SQLite(t)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 100, PriceNetCents: 49000, StartsAt: c.start, EndsAt: c.end})
		for _, lang := range []string{"de", "en"} {
			b := seedBooking(t, st, date, 1, lang)
			inv := issue(t, st, b, issueDay)
			var credit model.Invoice
			err := st.WithTx(context.Background(), func(tx *store.Tx) error {
				var err error
				credit, err = invoice.IssueCreditNote(context.Background(), tx, inv, inv.NetCents, "Stornierung", issueDay.Add(time.Hour))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			want := c.wantDE
			if lang == "en" {
				want = c.wantEN
			}
			for _, doc := range []model.Invoice{inv, credit} {
				t.Run(fmt.Sprintf("%s/%s/%s", c.name, lang, doc.Number), func(t *testing.T) {
					pdf, err := r.InvoicePDF(doc)
					if err != nil {
						t.Fatal(err)
					}
					if text := squash(pdfText(t, pdf)); !strings.Contains(text, squash(want)) {
						t.Errorf("service date %q missing:\n%s", want, text)
					}
					assertNoOverprint(t, pdf)
				})
			}
		}
	}
}

// assertNoOverprint fails when two words of a page share ink: their boxes, as pdftotext -bbox
// reports them, intersect by more than a hair (glyph boxes of neighbouring words may touch).
func assertNoOverprint(t *testing.T, pdf []byte) {
	t.Helper()
	for page, words := range pdfWords(t, pdf) {
		for i, a := range words {
			for _, b := range words[i+1:] {
				const hair = 0.5 // points
				if a.XMin+hair < b.XMax && b.XMin+hair < a.XMax && a.YMin+hair < b.YMax && b.YMin+hair < a.YMax {
					t.Errorf("page %d: %q is printed over %q", page+1, a.Text, b.Text)
				}
			}
		}
	}
}

type pdfWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// pdfWords returns each page's words with their boxes, read with pdftotext -bbox.
func pdfWords(t *testing.T, pdf []byte) [][]pdfWord {
	t.Helper()
	bin := requireTool(t, "pdftotext", "poppler-utils")
	in := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(bin, "-bbox", "-enc", "UTF-8", in, "-")
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext -bbox: %v: %s", err, stderr.String())
	}
	var doc struct {
		Pages []struct {
			Words []pdfWord `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(&out)
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("read pdftotext -bbox output: %v", err)
	}
	pages := make([][]pdfWord, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = p.Words
	}
	return pages
}
