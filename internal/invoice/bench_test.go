package invoice_test

import "testing"

// BenchmarkInvoicePDF renders an invoice whose text DejaVu covers: no fallback font.
func BenchmarkInvoicePDF(b *testing.B) {
	benchmarkInvoicePDF(b, "Müller & Söhne GmbH", "Jürgen Groß", "Social Media im Vertrieb, 10.03.2027 – Änne Straßer")
}

// BenchmarkInvoicePDFFallback renders one with Chinese and Korean text: both fallback fonts.
func BenchmarkInvoicePDFFallback(b *testing.B) {
	benchmarkInvoicePDF(b, "中文培训公司", "김민준", "社交媒体培训, 10.03.2027 – 한국어 회사")
}

func benchmarkInvoicePDF(b *testing.B, company, contact, line string) {
	r := renderer(b)
	inv := fuzzInvoice(company, contact, "Königsallee 5", "Düsseldorf", "PO-4711", "991-12345-67", line, false, false)
	var size int
	for b.Loop() {
		pdf, err := r.InvoicePDF(inv)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}
