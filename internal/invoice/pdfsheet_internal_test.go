package invoice

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// pageStreams draws on an uncompressed sheet and returns the content stream of each page.
// With footer, each page ends, like a document's, with a footer in a font of its own.
func pageStreams(t *testing.T, footer bool, draw func(s *sheet)) [][]byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	s := &sheet{pdf: pdf, fonts: sharedFonts()}
	if footer {
		pdf.SetFooterFunc(s.keepFont(func() {
			s.setFont("", 7)
			pdf.SetXY(marginLeft, 280)
			s.cell(50, 4, "Fußzeile Ωμέγα", "L", 1)
		}))
	}
	s.setFont("", 10)
	pdf.AddPage()
	draw(s)
	pages := pdf.PageNo()
	out, err := output(s)
	if err != nil {
		t.Fatal(err)
	}
	// fpdf writes the pages' content first, one stream each, then the fonts.
	var streams [][]byte
	for rest := out; len(streams) < pages; {
		i := bytes.Index(rest, []byte("stream\n"))
		j := bytes.Index(rest, []byte("\nendstream"))
		if i < 0 || j < i {
			t.Fatalf("found %d page streams, want %d", len(streams), pages)
		}
		streams = append(streams, rest[i+len("stream\n"):j])
		rest = rest[j+len("\nendstream"):]
	}
	return streams
}

var (
	fontOperator = regexp.MustCompile(`/F[0-9a-f]+ [0-9.]+ Tf`)
	textOperator = regexp.MustCompile(`\) ?Tj`)
)

// TestFontsAreSelectedPerSwitchNotPerGlyph: measuring and printing a line switches fonts glyph
// by glyph; fpdf writes a font operator into the page for every selection, so the sheet
// selects a font only when it changes. A page of text in one font selects it as often as a
// line of it does, and a Greek name, whose spaces and full stops the Latin cut has too, prints
// as one run of text, not one run per word.
func TestFontsAreSelectedPerSwitchNotPerGlyph(t *testing.T) {
	count := func(re *regexp.Regexp, draw func(s *sheet)) int {
		return len(re.FindAll(pageStreams(t, false, draw)[0], -1))
	}
	oneLine := count(fontOperator, func(s *sheet) { s.paragraph(100, 5, "Müller & Söhne GmbH", "L") })
	manyLines := count(fontOperator, func(s *sheet) {
		s.paragraph(100, 5, strings.Repeat("Müller & Söhne GmbH, Königsallee 5, Düsseldorf. ", 20), "L")
	})
	if manyLines != oneLine {
		t.Errorf("a paragraph of 20 lines in one font has %d font operators, one line %d", manyLines, oneLine)
	}
	cases := []struct {
		name string
		text string
		runs int // of text, each in one font
	}{
		{"latin", "Müller & Söhne GmbH", 1},
		{"greek words and full stops", "Ωμέγα Α.Ε. Αθήνα", 1},
		{"latin then greek", "Firma Ωμέγα", 1},
		{"latin then chinese", "Firma 中文", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := count(textOperator, func(s *sheet) { s.cell(150, 5, c.text, "L", 1) })
			if got != c.runs {
				t.Errorf("%q prints as %d runs of text, want %d", c.text, got, c.runs)
			}
		})
	}
}

// TestTextGoesOnInItsFontAfterAPageBreak: the footer, printed in the middle of a page break,
// selects fonts of its own, and fpdf selects a font itself on the new page; bold text broken
// across pages stays bold.
func TestTextGoesOnInItsFontAfterAPageBreak(t *testing.T) {
	pages := pageStreams(t, true, func(s *sheet) {
		s.setFont("B", 10)
		s.paragraph(100, 5, strings.Repeat("Müller & Söhne GmbH, Königsallee 5. ", 200), "L")
	})
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the text to break onto a second one", len(pages))
	}
	lastFontBefore := func(page []byte, at int) string {
		ops := fontOperator.FindAll(page[:at], -1)
		if len(ops) == 0 {
			return ""
		}
		return string(ops[len(ops)-1])
	}
	var fonts []string
	for _, page := range pages[:2] {
		first := textOperator.FindIndex(page)
		if first == nil {
			t.Fatal("a page without text")
		}
		fonts = append(fonts, lastFontBefore(page, first[0]))
	}
	if fonts[0] == "" || fonts[1] != fonts[0] {
		t.Errorf("the text starts page 1 in %q and goes on on page 2 in %q", fonts[0], fonts[1])
	}
}

// TestFontSelectionFollowsStyleAndSize: a font selected once is not selected again, but a
// change of style or size is: each run of text is printed in the font and size asked for.
func TestFontSelectionFollowsStyleAndSize(t *testing.T) {
	type want struct {
		style string
		size  float64
	}
	runs := []want{{"B", 10}, {"B", 7}, {"", 7}, {"B", 10}, {"B", 10}}
	page := pageStreams(t, false, func(s *sheet) {
		for i, r := range runs {
			s.setFont(r.style, r.size)
			s.cell(100, 5, fmt.Sprintf("Zeile %d", i), "L", 1)
		}
	})[0]
	texts := textOperator.FindAllIndex(page, -1)
	if len(texts) != len(runs) {
		t.Fatalf("%d runs of text, want %d", len(texts), len(runs))
	}
	fontOf := map[string]string{} // style → fpdf font name
	for i, at := range texts {
		ops := fontOperator.FindAll(page[:at[0]], -1)
		if len(ops) == 0 {
			t.Fatalf("run %d without a font", i)
		}
		var name string
		var size float64
		if _, err := fmt.Sscanf(string(ops[len(ops)-1]), "%s %f Tf", &name, &size); err != nil {
			t.Fatal(err)
		}
		if size != runs[i].size {
			t.Errorf("run %d printed at %g pt, want %g", i, size, runs[i].size)
		}
		if known, ok := fontOf[runs[i].style]; ok && known != name {
			t.Errorf("run %d in %s, earlier runs of its style in %s", i, name, known)
		}
		fontOf[runs[i].style] = name
	}
	if fontOf["B"] == fontOf[""] {
		t.Errorf("bold and regular runs in one font %s", fontOf[""])
	}
}
