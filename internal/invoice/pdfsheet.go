package invoice

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
)

// sheet is one PDF being drawn. Every string reaches fpdf through it, and so through pdfText;
// it measures, wraps and prints text as runs of glyphs that one font has, switching fonts
// within a line where the text needs it, and measures exactly what it prints.
type sheet struct {
	pdf   *fpdf.Fpdf
	fonts *fontBook
	style string  // of the main font: "" or "B"
	size  float64 // in points
	// added tells which fonts (family and style) were added to this document: each is added
	// the first time a text is printed in it, since fpdf parses a font when it is added and
	// again when it writes the document, so a document without such text stays small and fast.
	added map[fontKey]bool
	// selected is the font last selected in fpdf, so that selecting it again costs nothing:
	// fpdf writes a font operator into the page on every SetFont, and measuring a line
	// switches fonts glyph by glyph.
	selected selection
}

// fontKey is a font as fpdf knows it: family and style.
type fontKey struct{ family, style string }

// selection is a font selected in fpdf on a page. fpdf selects a font itself when it starts a
// page (the one in use before the break), so a selection holds only on its page.
type selection struct {
	family, style string
	size          float64
	page          int
}

// span is a run of consecutive glyphs printed in one font.
type span struct {
	face  face
	text  string
	width float64
}

// setFont selects the main font (DejaVu's common cut) in a style ("" or "B") and size in points.
func (s *sheet) setFont(style string, size float64) {
	s.style, s.size = style, size
	s.use(faceMain)
}

// keepFont wraps a header or footer, which fpdf calls in the middle of a page break, so that
// the page goes on in the font it was drawn in.
func (s *sheet) keepFont(draw func()) func() {
	return func() {
		style, size := s.style, s.size
		draw()
		s.setFont(style, size)
	}
}

// use selects the font of a face in the current style and size, adding it to the document
// the first time.
func (s *sheet) use(f face) {
	family, style, ttf, err := s.fonts.font(f, s.style)
	if err != nil {
		s.pdf.SetError(err)
		return
	}
	if key := (fontKey{family, style}); !s.added[key] {
		if s.added == nil {
			s.added = map[fontKey]bool{}
		}
		// fpdf writes into the bytes it is given (getMetrics appends to a slice of them while it
		// writes the subset), so each document gets its own copy: the shared font stays as it
		// was, for documents drawn at the same time and for the next ones.
		s.pdf.AddUTF8FontFromBytes(family, style, bytes.Clone(ttf))
		s.added[key] = true
	}
	want := selection{family, style, s.size, s.pdf.PageNo()}
	if want == s.selected {
		return
	}
	s.pdf.SetFont(family, style, s.size)
	s.selected = want
}

// glyphs filters text for the current style; a filter error stops the document.
func (s *sheet) glyphs(text string) []glyph {
	gs, err := s.fonts.pdfText(text, s.style == "B")
	if err != nil {
		s.pdf.SetError(err)
		return nil
	}
	return gs
}

// widths measures each glyph in its font, in user units (mm).
func (s *sheet) widths(gs []glyph) []float64 {
	out := make([]float64, len(gs))
	for i, g := range gs {
		s.use(g.face)
		out[i] = s.pdf.GetStringWidth(g.text)
	}
	s.use(faceMain)
	return out
}

// width is how wide text prints in the current font.
func (s *sheet) width(text string) float64 {
	return sum(s.widths(s.glyphs(text)))
}

// wrap splits text into lines no wider than width: at spaces, between two CJK characters, and
// inside a word only when the word alone is wider than a line (never inside a grapheme
// cluster). The spaces at a break are dropped. An empty text has no lines.
func (s *sheet) wrap(text string, width float64) [][]glyph {
	gs := s.glyphs(text)
	ws := s.widths(gs)
	var lines [][]glyph
	start, brk, lineW := 0, -1, 0.0 // brk: where the current line may end, -1 for nowhere yet
	for i, g := range gs {
		if g.isSpace() {
			brk = i
			lineW += ws[i]
			continue
		}
		if i > start && cjkBreak(gs[i-1], g) {
			brk = i
		}
		for i > start && lineW+ws[i] > width {
			end := brk
			if end <= start { // no break in the line: cut the word, keeping clusters whole
				end = i
				for end > start+1 && gs[end].attached {
					end--
				}
			}
			lines = appendLine(lines, gs[start:end])
			start = end
			for start < i && gs[start].isSpace() {
				start++
			}
			brk, lineW = -1, sum(ws[start:i])
		}
		lineW += ws[i]
	}
	return appendLine(lines, gs[start:])
}

// appendLine adds a line without its leading and trailing spaces, unless nothing is left.
func appendLine(lines [][]glyph, line []glyph) [][]glyph {
	for len(line) > 0 && line[0].isSpace() {
		line = line[1:]
	}
	for len(line) > 0 && line[len(line)-1].isSpace() {
		line = line[:len(line)-1]
	}
	if len(line) == 0 {
		return lines
	}
	return append(lines, line)
}

// cjkBreak tells whether a line may break between two glyphs: between Chinese, Japanese and
// Korean characters, which are written without spaces.
func cjkBreak(a, b glyph) bool {
	return isCJK(a.text) && isCJK(b.text)
}

func isCJK(s string) bool {
	for _, r := range s {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	}
	return false
}

// cell prints text on one line in a cell of width w and height h at the current position,
// like fpdf's CellFormat: align "L", "C" or "R"; ln 0 leaves the position right of the cell,
// 1 at the left margin below it, 2 below it. For text known to fit (labels, amounts); values
// of any length go through paragraph or wrap.
func (s *sheet) cell(w, h float64, text, align string, ln int) {
	s.printLine(s.glyphs(text), w, h, align, ln, false)
}

// filledCell is cell on a background in the current fill colour.
func (s *sheet) filledCell(w, h float64, text, align string, ln int) {
	s.printLine(s.glyphs(text), w, h, align, ln, true)
}

// paragraph prints text wrapped to width w at the current position, line by line (each h
// high), breaking pages as needed; a line break in text starts a new line. It ends below the
// text at the left edge it started from.
func (s *sheet) paragraph(w, h float64, text, align string) {
	inner := w - 2*s.pdf.GetCellMargin()
	for _, part := range strings.Split(text, "\n") {
		lines := s.wrap(part, inner)
		if len(lines) == 0 {
			lines = [][]glyph{nil}
		}
		for _, l := range lines {
			s.printLine(l, w, h, align, 2, false)
		}
	}
}

// printLine prints glyphs as consecutive runs of one font each. An empty cell goes first: it
// breaks the page if the line does not fit (fpdf keeps x and moves y) and paints the fill.
func (s *sheet) printLine(gs []glyph, w, h float64, align string, ln int, fill bool) {
	x := s.pdf.GetX()
	s.pdf.CellFormat(w, h, "", "", 0, "", fill, 0, "")
	y := s.pdf.GetY()
	spans := s.spans(visualOrder(gs))
	total := 0.0
	for _, sp := range spans {
		total += sp.width
	}
	margin := s.pdf.GetCellMargin()
	at := x + margin
	switch align {
	case "R":
		at = x + w - margin - total
	case "C":
		at = x + (w-total)/2
	}
	s.pdf.SetCellMargin(0)
	for _, sp := range spans {
		s.use(sp.face)
		s.pdf.SetXY(at, y)
		s.pdf.CellFormat(sp.width, h, sp.text, "", 0, "L", false, 0, "")
		at += sp.width
	}
	s.pdf.SetCellMargin(margin)
	s.use(faceMain)
	switch ln {
	case 0:
		s.pdf.SetXY(x+w, y)
	case 1:
		left, _, _, _ := s.pdf.GetMargins()
		s.pdf.SetXY(left, y+h)
	default:
		s.pdf.SetXY(x, y+h)
	}
}

// spans joins consecutive glyphs of one font and measures each run. Glyphs of DejaVu's cuts in
// one style join too, printed in the largest cut among them: the cuts nest (the Latin cut is
// in the common cut, which is in all of DejaVu) and share their metrics, so the run looks the
// same and a Greek name is not split at every space and full stop, which the Latin cut has.
func (s *sheet) spans(gs []glyph) []span {
	var out []span
	var text []byte // of every span, one after the other
	var ends []int  // where each span's text ends in it
	for _, g := range gs {
		if n := len(out); n > 0 && (out[n-1].face == g.face || sameStyleOfDejaVu(out[n-1].face, g.face)) {
			out[n-1].face = max(out[n-1].face, g.face)
		} else {
			out = append(out, span{face: g.face})
			ends = append(ends, 0)
		}
		text = append(text, g.text...)
		ends[len(ends)-1] = len(text)
	}
	start := 0
	for i := range out {
		out[i].text = string(text[start:ends[i]])
		start = ends[i]
	}
	for i := range out {
		s.use(out[i].face)
		out[i].width = s.pdf.GetStringWidth(out[i].text)
	}
	s.use(faceMain)
	return out
}
