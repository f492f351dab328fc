package invoice_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// textCase is text a user can type, put into every field of a document, and what pdftotext must
// read back for it (white space aside): the text itself, and the replacement glyph � for what no
// embedded font has (every emoji).
type textCase struct {
	name, value, want string
}

func anyTextCases() []textCase {
	longWord := strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän", 3)
	longValue := strings.TrimSpace(strings.Repeat("Sehr lange Firmenbezeichnung mit Zusatz ", 5))
	return []textCase{
		{"emoji", "Café 😀 GmbH", "Café � GmbH"},
		{"emoji sequences are one glyph each", "Team 👨‍👩‍👧 🇩🇪 👍🏽 ❤️", "Team � � � ❤"},
		{"chinese", "中文培训公司", "中文培训公司"},
		{"japanese", "日本語の会社", "日本語の会社"},
		{"korean", "한국어 회사", "한국어 회사"},
		{"arabic", "شركة عربية", "شركة عربية"},
		{"hebrew", "חברה עברית", "חברה עברית"},
		{"combining characters", "Jose\u0301 Ame\u0301lie Zoe\u0308", "José Amélie Zoë"},
		{"very long word", longWord, longWord},
		{"very long value", longValue, longValue},
		{"mixed scripts", "Müller 中文 한국 😀 end", "Müller 中文 한국 � end"},
		{"hebrew inside latin", "Firma שלום עולם GmbH", "Firma שלום עולם GmbH"},
	}
}

// noSpace drops white space, which pdftotext puts where a value wraps, and the embedding marks
// it puts around right-to-left text.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// assertShows fails unless the PDF's text shows want at least n times.
func assertShows(t *testing.T, pdf []byte, want string, n int) {
	t.Helper()
	text := pdfText(t, pdf)
	if got := strings.Count(noSpace(text), noSpace(want)); got < n {
		t.Errorf("PDF shows %q %d times, want at least %d:\n%s", want, got, n, text)
	}
}

// dateKinds are a one-day and a multi-day date, at fixed times.
func dateKinds(t *testing.T) []struct {
	name       string
	start, end time.Time
} {
	loc := berlin(t)
	return []struct {
		name       string
		start, end time.Time
	}{
		{"one day", time.Date(2027, 3, 10, 9, 0, 0, 0, loc), time.Date(2027, 3, 10, 17, 0, 0, 0, loc)},
		{"three days", time.Date(2027, 9, 13, 9, 0, 0, 0, loc), time.Date(2027, 9, 15, 17, 0, 0, 0, loc)},
	}
}

// TestInvoicePDFRendersAnyText issues invoices and credit notes with the text in every field a
// booker fills in and in the seminar title, in German and English, for one-day and multi-day
// dates, and reads them back: no error (before the filter an emoji panicked inside fpdf), the
// text is there, and no two words are printed over each other.
func TestInvoicePDFRendersAnyText(t *testing.T) {
	st := storetest.SQLite(t)
	r := renderer(t)
	for _, dk := range dateKinds(t) {
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 1000, PriceNetCents: 49000, StartsAt: dk.start, EndsAt: dk.end})
		for _, c := range anyTextCases() {
			for _, lang := range []string{"de", "en"} {
				b := seedBooking(t, st, date, 2, lang)
				b.Billing = model.Billing{
					Company: c.value, Name: c.value, Email: "a@example.de", Street: c.value, PostalCode: "40212",
					City: c.value, Country: "AT", VATID: "ATU12345678", PONumber: c.value, BuyerReference: c.value,
				}
				b.Date.Seminar.TitleDE, b.Date.Seminar.TitleEN = c.value, c.value
				for i := range b.Attendees {
					b.Attendees[i].FirstName, b.Attendees[i].LastName = c.value, c.value
				}
				inv := issue(t, st, b, issueDay)
				var credit model.Invoice
				err := st.WithTx(context.Background(), func(tx *store.Tx) error {
					var err error
					credit, err = invoice.IssueCreditNote(context.Background(), tx, inv, inv.NetCents, c.value, issueDay.Add(time.Hour))
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				// company, contact, street, city, PO number, Leitweg-ID; the credit note adds its
				// reason. (The table's lines, title and names, wrap between the other columns'
				// text in pdftotext's reading order, so they are not counted.)
				for _, doc := range []struct {
					inv  model.Invoice
					want int
				}{{inv, 6}, {credit, 7}} {
					t.Run(fmt.Sprintf("%s/%s/%s/%s", dk.name, c.name, lang, doc.inv.Kind), func(t *testing.T) {
						pdf, err := r.InvoicePDF(doc.inv)
						if err != nil {
							t.Fatal(err)
						}
						keepPDF(t, pdf)
						if again, _ := r.InvoicePDF(doc.inv); !bytes.Equal(pdf, again) {
							t.Error("rendering the same record twice gave different files")
						}
						assertShows(t, pdf, c.want, doc.want)
						assertNoOverprint(t, pdf)
					})
				}
			}
		}
	}
}

// TestCertificateRendersAnyText puts the text into the attendee's name, the seminar's title and
// contents, the venue, the city and the trainer's name.
func TestCertificateRendersAnyText(t *testing.T) {
	r := renderer(t)
	for _, dk := range dateKinds(t) {
		for _, c := range anyTextCases() {
			for _, lang := range []string{"de", "en"} {
				t.Run(fmt.Sprintf("%s/%s/%s", dk.name, c.name, lang), func(t *testing.T) {
					b, a := certificateBooking(lang, dk.start, dk.end, c.value)
					seller := testSeller()
					seller.City = c.value
					pdf, err := r.Certificate(b, a, seller, c.value)
					if err != nil {
						t.Fatal(err)
					}
					keepPDF(t, pdf)
					// name twice, title, contents twice, venue, city, place line's city, trainer
					assertShows(t, pdf, c.want, 8)
					assertNoOverprint(t, pdf)
				})
			}
		}
	}
}

// certificateBooking is a booking of one checked-in attendee with text in every field a
// certificate prints, held in memory (a certificate is rendered from the loaded booking).
func certificateBooking(lang string, start, end time.Time, text string) (model.Booking, model.Attendee) {
	checkedIn := start.Add(time.Hour)
	a := model.Attendee{ID: 7, BookingID: 3, FirstName: text, LastName: text, Email: "a@example.de", CheckedInAt: &checkedIn}
	sem := &model.Seminar{
		TitleDE: text, TitleEN: text, DurationMinutes: 480,
		DescriptionDE: text + "\n\n" + text, DescriptionEN: text + "\n\n" + text,
	}
	date := &model.SeminarDate{StartsAt: start, EndsAt: end, Format: model.FormatInPerson, Venue: text, City: text, Seminar: sem}
	return model.Booking{ID: 3, Reference: "T0000001", Language: lang, Date: date, Attendees: []model.Attendee{a}}, a
}

// TestFallbackFontsOnlyWhenNeeded checks that a document whose text DejaVu covers carries no
// fallback font (4 MB Droid Sans Fallback, NanumSquare), and one with CJK carries each only
// when its text needs that one.
func TestFallbackFontsOnlyWhenNeeded(t *testing.T) {
	r := renderer(t)
	const droid, nanum = "/BaseFont /utf8droidfallback", "/BaseFont /utf8nanumsquare"
	cases := []struct {
		name        string
		text        string
		with, never []string
	}{
		{"german text needs no fallback", "Müller & Söhne GmbH „Qualität“ – 5 €", nil, []string{droid, nanum}},
		{"emoji need no fallback: they are replaced", "Café 😀", nil, []string{droid, nanum}},
		{"chinese needs Droid Sans Fallback only", "中文", []string{droid}, []string{nanum}},
		{"korean needs NanumSquare only", "한국어", []string{nanum}, []string{droid}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, a := certificateBooking("de", time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC), time.Date(2027, 3, 10, 16, 0, 0, 0, time.UTC), c.text)
			pdf, err := r.Certificate(b, a, testSeller(), "")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.with {
				if !strings.Contains(string(pdf), w) {
					t.Errorf("PDF lacks %s", w)
				}
			}
			for _, n := range c.never {
				if strings.Contains(string(pdf), n) {
					t.Errorf("PDF embeds %s", n)
				}
			}
			if len(c.with) == 0 && len(pdf) > 100_000 {
				t.Errorf("PDF without fallback is %d bytes", len(pdf))
			}
		})
	}
}

func keepPDF(t *testing.T, pdf []byte) {
	if dir := os.Getenv("KEEP_PDF"); dir != "" {
		_ = os.WriteFile("/tmp/"+strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+".pdf", pdf, 0o600)
	}
}

// TestInvoicePDFLongLinesAcrossPages books many attendees with long names in several scripts,
// so that the table's rows wrap and run onto further pages under the continuation header.
func TestInvoicePDFLongLinesAcrossPages(t *testing.T) {
	st := storetest.SQLite(t)
	r := renderer(t)
	for _, lang := range []string{"de", "en"} {
		t.Run(lang, func(t *testing.T) {
			b := seedBooking(t, st, seedDate(t, st), 24, lang)
			names := []string{"Maximilian-Alexander", "中文培训公司的员工", "한국어 회사 직원", "שלום עולם", "Ame\u0301lie 😀"}
			for i := range b.Attendees {
				b.Attendees[i].FirstName = strings.Repeat(names[i%len(names)]+" ", 3)
				b.Attendees[i].LastName = fmt.Sprintf("Nachname-%d", i+1)
			}
			pdf, err := r.InvoicePDF(issue(t, st, b, issueDay))
			if err != nil {
				t.Fatal(err)
			}
			keepPDF(t, pdf)
			if pages := len(pdfWords(t, pdf)); pages < 3 {
				t.Errorf("%d pages, want the table to run onto a third", pages)
			}
			for _, w := range []string{"Nachname-1", "Nachname-24", "中文培训公司的员工", "한국어 회사 직원", "Amélie �"} {
				assertShows(t, pdf, w, 1)
			}
			assertNoOverprint(t, pdf)
		})
	}
}

// TestCertificateLongContentsMoveTheSignature gives a seminar contents longer than the page:
// they run onto a second page and the signature follows them instead of being printed over them.
func TestCertificateLongContentsMoveTheSignature(t *testing.T) {
	r := renderer(t)
	for _, lang := range []string{"de", "en"} {
		t.Run(lang, func(t *testing.T) {
			start := time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC)
			b, a := certificateBooking(lang, start, start.Add(56*time.Hour), "Änne Straßer 中文 😀")
			contents := strings.Repeat("Strategie, Redaktionsplan, Community-Management und Krisenkommunikation 한국어. ", 60)
			b.Date.Seminar.DescriptionDE, b.Date.Seminar.DescriptionEN = contents, contents
			pdf, err := r.Certificate(b, a, testSeller(), "Dr. Jörg Weiß")
			if err != nil {
				t.Fatal(err)
			}
			keepPDF(t, pdf)
			pages := pdfWords(t, pdf)
			if len(pages) < 2 {
				t.Fatalf("%d pages, want the contents to run onto a second", len(pages))
			}
			last := pages[len(pages)-1]
			if !strings.Contains(squash(wordsText(last)), "Dr. Jörg Weiß") {
				t.Errorf("signature not on the last page: %s", wordsText(last))
			}
			assertShows(t, pdf, "Änne Straßer 中文 �", 2)
			assertNoOverprint(t, pdf)
		})
	}
}

func wordsText(words []pdfWord) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w.Text + " ")
	}
	return b.String()
}
