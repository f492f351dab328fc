package invoice

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// countingBook is a font book that counts how often each font's coverage is read.
func countingBook() (*fontBook, func() map[string]int) {
	var mu sync.Mutex
	reads := map[string]int{}
	book := newFontBook(func(name string, ttf []byte) (*glyphSet, error) {
		mu.Lock()
		reads[name]++
		mu.Unlock()
		return coverage(name, ttf)
	})
	return book, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range reads {
			out[k] = v
		}
		return out
	}
}

// TestFontsLoadOnlyWhatTheTextNeeds prints texts one after another on sheets that share one
// font book: each font is read once at most, whatever the number of documents, and only once
// a text needs a character the fonts before it lack; a document embeds only the fonts its
// text is printed in.
func TestFontsLoadOnlyWhatTheTextNeeds(t *testing.T) {
	book, reads := countingBook()
	latin := []string{"DejaVu Sans, Latin cut", "DejaVu Sans Bold, Latin cut"}
	common := append(append([]string{}, latin...), "DejaVu Sans, common cut", "DejaVu Sans Bold, common cut")
	full := []string{"DejaVu Sans", "DejaVu Sans Bold"}
	cases := []struct {
		name  string
		texts []string // printed in this order, each on its own new sheet, regular and bold
		read  []string // every font read by the end, once each
		embed []string // fpdf families in the last document
		not   []string // fpdf families not in the last document
	}{
		{"german needs only the latin cut", []string{"Müller & Söhne GmbH, 1.234,56 € – „Łódź“"},
			latin, []string{fontFamily}, []string{commonFamily, fullFamily, "droidfallback", "nanumsquare"}},
		{"greek adds the common cut", []string{"Müller", "Ωμέγα Α.Ε."},
			common, []string{commonFamily}, []string{fullFamily, "droidfallback", "nanumsquare"}},
		{"hebrew adds all of DejaVu", []string{"Müller", "שלום"},
			append(append([]string{}, common...), full...), []string{fontFamily, fullFamily}, []string{"droidfallback", "nanumsquare"}},
		{"chinese adds Droid Sans Fallback, not NanumSquare", []string{"Müller", "中文培训公司"},
			append(append(append([]string{}, common...), full...), "droidfallback"), []string{"droidfallback"}, []string{"nanumsquare"}},
		{"korean adds NanumSquare", []string{"김민준"},
			append(append(append([]string{}, common...), full...), "droidfallback", "nanumsquare"), []string{"nanumsquare"}, []string{"droidfallback"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var last []byte
			for _, text := range c.texts {
				s := &sheet{pdf: fpdf.New("P", "mm", "A4", ""), fonts: book}
				s.pdf.SetCreationDate(time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC))
				s.setFont("", 10)
				s.pdf.AddPage()
				s.paragraph(100, 5, text, "L")
				s.setFont("B", 10)
				s.paragraph(100, 5, text, "L")
				pdf, err := output(s)
				if err != nil {
					t.Fatal(err)
				}
				last = pdf
			}
			got := reads()
			for _, name := range c.read {
				if got[name] != 1 {
					t.Errorf("%s read %d times, want once (all reads: %v)", name, got[name], got)
				}
			}
			if len(got) != len(c.read) {
				t.Errorf("fonts read: %v, want only %v", got, c.read)
			}
			for _, family := range c.embed {
				if !bytes.Contains(last, []byte("/BaseFont /utf8"+family)) {
					t.Errorf("the document lacks the font %s", family)
				}
			}
			for _, family := range c.not {
				if bytes.Contains(last, []byte("/BaseFont /utf8"+family)) {
					t.Errorf("the document embeds %s, which its text does not need", family)
				}
			}
		})
	}
}

// TestRenderersShareTheFonts: every renderer of the process uses one font book, so the common
// cut is made and each font's coverage read once per process, not once per renderer.
func TestRenderersShareTheFonts(t *testing.T) {
	a, b := NewRenderer(nil, nil), NewRenderer(nil, time.UTC)
	if a.fonts != b.fonts || a.fonts != sharedFonts() {
		t.Errorf("two renderers have their own font books")
	}
}

// TestADocumentDoesNotDependOnTheDocumentsBeforeIt: fpdf writes into the font bytes it is given
// while it writes a subset (getMetrics appends to a slice of them; it shows with Droid Sans
// Fallback, whose glyphs mostly share one width). With the process's shared fonts that changed
// the shared copy and made concurrent renders a data race (-race found it). Each document works
// on its own copy: the shared fonts stay as they were and a text renders the same after others.
func TestADocumentDoesNotDependOnTheDocumentsBeforeIt(t *testing.T) {
	droid := bytes.Clone(fontDroidFallback)
	render := func(text string) []byte {
		t.Helper()
		s := &sheet{pdf: fpdf.New("P", "mm", "A4", ""), fonts: sharedFonts()}
		// Fixed dates and sorted objects, as documents have: fpdf's defaults are the clock and
		// map order.
		at := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
		s.pdf.SetCreationDate(at)
		s.pdf.SetModificationDate(at)
		s.pdf.SetCatalogSort(true)
		s.setFont("", 10)
		s.pdf.AddPage()
		s.paragraph(100, 5, text, "L")
		pdf, err := output(s)
		if err != nil {
			t.Fatal(err)
		}
		return pdf
	}
	first := render("中文培训公司")
	render("社交媒体培训 かな")
	if again := render("中文培训公司"); !bytes.Equal(again, first) {
		t.Errorf("a text rendered again after another one differs from its first render")
	}
	if !bytes.Equal(fontDroidFallback, droid) {
		t.Errorf("rendering changed the process's copy of Droid Sans Fallback")
	}
}
