package invoice_test

import (
	"bytes"
	"sync"
	"testing"
)

// TestConcurrentRendersShareTheFontsSafely: the render worker and the readers that find a
// document missing draw documents at the same time, all with the process's one font book
// (cuts of DejaVu made once, coverage read once). Every render of a document, on one renderer
// or another, concurrently or not, gives the same bytes. Run it with -race.
func TestConcurrentRendersShareTheFontsSafely(t *testing.T) {
	cases := []struct {
		name                   string
		company, contact, line string
		credit                 bool
	}{
		{"german invoice", "Müller & Söhne GmbH", "Jürgen Groß", "Social Media im Vertrieb – Änne Straßer", false},
		{"greek credit note", "Ωμέγα Α.Ε.", "Γιώργος Παπαδόπουλος", "Σεμινάριο – Άννα", true},
		{"chinese and korean invoice", "中文培训公司", "김민준", "社交媒体培训", false},
	}
	first, second := renderer(t), renderer(t)
	want := make([][]byte, len(cases))
	for i, c := range cases {
		pdf, err := first.InvoicePDF(fuzzInvoice(c.company, c.contact, "Königsallee 5", "Düsseldorf", "PO-4711", "", c.line, false, c.credit))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = pdf
	}
	const rounds = 3
	got := make([][]byte, 2*rounds*len(cases))
	var wg sync.WaitGroup
	for n := range got {
		wg.Go(func() {
			r, c := first, cases[n%len(cases)]
			if n%2 == 1 {
				r = second
			}
			pdf, err := r.InvoicePDF(fuzzInvoice(c.company, c.contact, "Königsallee 5", "Düsseldorf", "PO-4711", "", c.line, false, c.credit))
			if err != nil {
				t.Error(err)
			}
			got[n] = pdf
		})
	}
	wg.Wait()
	for n, pdf := range got {
		if c := n % len(cases); !bytes.Equal(pdf, want[c]) {
			t.Errorf("%s: concurrent render %d differs from the first render", cases[c].name, n)
		}
	}
}
