package invoice_test

import (
	"testing"
	"time"

	"seminars/internal/store/storetest"
)

// BenchmarkInvoicePDF renders an invoice whose text DejaVu covers: no fallback font.
func BenchmarkInvoicePDF(b *testing.B) {
	benchmarkInvoicePDF(b, "Müller & Söhne GmbH", "Jürgen Groß", "Social Media im Vertrieb, 10.03.2027 – Änne Straßer")
}

// BenchmarkInvoicePDFGreek renders one with a Greek buyer: the Latin cut and the common cut.
func BenchmarkInvoicePDFGreek(b *testing.B) {
	benchmarkInvoicePDF(b, "Ωμέγα Α.Ε.", "Γιώργος Παπαδόπουλος", "Social Media im Vertrieb, 10.03.2027 – Άννα Νικολάου")
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

// BenchmarkCertificatePDF renders a certificate of attendance, drawn with the same sheet and
// font book as the invoice.
func BenchmarkCertificatePDF(b *testing.B) {
	r := renderer(b)
	st := storetest.SQLite(b)
	booking := seedBooking(b, st, seedDate(b, st), 1, "de")
	checkedIn := booking.Date.StartsAt.Add(5 * time.Minute)
	booking.Attendees[0].CheckedInAt = &checkedIn
	for b.Loop() {
		if _, err := r.Certificate(booking, booking.Attendees[0], testSeller(), "Dr. Jörg Weiß"); err != nil {
			b.Fatal(err)
		}
	}
}
