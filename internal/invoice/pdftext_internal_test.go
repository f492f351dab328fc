package invoice

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"
)

// testSheet is an empty A4 page in the main font, as newSheet starts it.
func testSheet(t testing.TB, fonts *fontBook) *sheet {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	s := &sheet{pdf: pdf, fonts: fonts}
	s.setFont("", 10)
	pdf.AddPage()
	return s
}

func joined(gs []glyph) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteString(g.text)
	}
	return b.String()
}

func TestPDFTextFilter(t *testing.T) {
	fonts := newFontBook(coverage)
	droid, nanum := faceFallback0, faceFallback0+1
	cases := []struct {
		name  string
		in    string
		want  string
		faces []face // of each glyph, when given
	}{
		{"latin stays", "Müller & Söhne", "Müller & Söhne", nil},
		{"emoji above U+FFFF is one replacement glyph", "a😀b", "a\ufffdb", []face{faceMain, faceMain, faceMain}},
		{"emoji ZWJ sequence is one replacement glyph", "👨‍👩‍👧", "\ufffd", nil},
		{"flag is one replacement glyph", "🇩🇪", "\ufffd", nil},
		{"skin tone modifier belongs to its emoji", "👍🏽", "\ufffd", nil},
		{"variation selector is dropped", "❤️", "❤", nil},
		{"combining accent composes (NFC)", "e\u0301", "é", []face{faceMain}},
		{"accent after a dropped joiner still composes", "e\u200d\u0301", "é", nil},
		{"NUL, bell and bidi marks are dropped", "a\x00\x07\u200e\u202eb", "ab", nil},
		{"tabs and line breaks become spaces", "a\tb\r\nc\nd", "a b c d", nil},
		{"no-break space stays", "5\u00a0€", "5\u00a0€", nil},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", "a\ufffdb", nil},
		{"chinese goes to Droid Sans Fallback", "中文", "中文", []face{droid, droid}},
		{"japanese kana go to Droid Sans Fallback", "かな", "かな", []face{droid, droid}},
		{"hangul goes to NanumSquare", "한국", "한국", []face{nanum, nanum}},
		{"german and polish are in the latin cut", "ä€ő„–“", "ä€ő„–“", []face{faceMain, faceMain, faceMain, faceMain, faceMain, faceMain}},
		{"greek, cyrillic and vietnamese are in the common cut", "Ωжệ→", "Ωжệ→", []face{faceCommon, faceCommon, faceCommon, faceCommon}},
		{"hebrew and arabic stay in DejaVu, all of it", "שא", "שא", []face{faceFull, faceFull}},
		{"a script no font has is replaced per character", "ก", "\ufffd", nil},
		{"a letter keeps its place when only its mark is missing", "a\u20e3", "a\ufffd", []face{faceMain, faceMain}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gs, err := fonts.pdfText(c.in, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := joined(gs); got != c.want {
				t.Errorf("pdfText(%q) = %q, want %q", c.in, got, c.want)
			}
			if c.faces != nil {
				if len(gs) != len(c.faces) {
					t.Fatalf("%d glyphs %v, want %d", len(gs), gs, len(c.faces))
				}
				for i, g := range gs {
					if g.face != c.faces[i] {
						t.Errorf("glyph %q in face %d, want %d", g.text, g.face, c.faces[i])
					}
				}
			}
		})
	}
}

func TestPDFTextBoldFallsBackToRegularDejaVu(t *testing.T) {
	fonts := newFontBook(coverage)
	dv, err := fonts.dejavu()
	if err != nil {
		t.Fatal(err)
	}
	var onlyRegular rune = -1
	for r := rune(0x20); r < 0x10000; r++ {
		if dv.regular.has(r) && !dv.bold.has(r) && !unicode.Is(unicode.Mn, r) {
			onlyRegular = r
			break
		}
	}
	if onlyRegular < 0 {
		t.Skip("DejaVu Sans Bold has every glyph of the regular cut")
	}
	gs, err := fonts.pdfText(string(onlyRegular), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || !isRegularTwin(gs[0].face) {
		t.Errorf("bold %U: %+v, want DejaVu regular", onlyRegular, gs)
	}
}

func TestVisualOrder(t *testing.T) {
	fonts := newFontBook(coverage)
	cases := []struct{ name, logical, visual string }{
		{"left to right stays", "Müller GmbH 2027", "Müller GmbH 2027"},
		{"hebrew reads right to left", "שלום", "םולש"},
		{"hebrew inside latin", "Firma שלום עולם GmbH", "Firma םלוע םולש GmbH"},
		{"numbers in hebrew keep their order", "שלום 2027", "2027 םולש"},
		{"a decimal number stays whole", "מחיר 12.50", "12.50 ריחמ"},
		{"brackets are mirrored", "(שלום)", "(םולש)"},
		{"arabic letters and arabic-indic digits", "سنة ٢٠٢٧", "٢٠٢٧ ةنس"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gs, err := fonts.pdfText(c.logical, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := joined(visualOrder(gs)); got != c.visual {
				t.Errorf("visual order of %q = %q, want %q", c.logical, got, c.visual)
			}
		})
	}
}

func TestWrapKeepsLinesWithinWidth(t *testing.T) {
	s := testSheet(t, newFontBook(coverage))
	cases := []struct {
		name, text string
		width      float64
		minLines   int
	}{
		{"words", strings.Repeat("Sehr lange Firma ", 10), 40, 4},
		{"one long word is cut", strings.Repeat("Donaudampfschifffahrt", 5), 30, 4},
		{"chinese breaks between characters", strings.Repeat("中文培训公司", 10), 30, 4},
		{"mixed fonts", strings.Repeat("Müller 中文 한국어 😀 ", 6), 35, 3},
		{"combining marks are never cut off", strings.Repeat("x\u0301\u0323", 40), 10, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := s.wrap(c.text, c.width)
			if len(lines) < c.minLines {
				t.Errorf("%d lines, want at least %d", len(lines), c.minLines)
			}
			var all strings.Builder
			for i, l := range lines {
				if w := sum(s.widths(l)); w > c.width+1e-9 {
					t.Errorf("line %d is %.2f mm wide, more than %.2f", i, w, c.width)
				}
				if len(l) > 0 && l[0].attached {
					t.Errorf("line %d starts inside a cluster", i)
				}
				all.WriteString(joined(l))
			}
			if got, want := noSpaces(all.String()), noSpaces(joined(s.glyphs(c.text))); got != want {
				t.Errorf("wrapped text %q, want %q", got, want)
			}
		})
	}
}

func noSpaces(s string) string { return strings.ReplaceAll(s, " ", "") }

func TestGuardTurnsPanicIntoError(t *testing.T) {
	out, err := guard("test document", func() ([]byte, error) { panic("index out of range [65536]") })
	if !errors.Is(err, ErrRender) || out != nil {
		t.Fatalf("guard: %v, %v; want ErrRender", out, err)
	}
	if !strings.Contains(err.Error(), "test document") || !strings.Contains(err.Error(), "65536") {
		t.Errorf("error %q does not say what failed", err)
	}
	if out, err := guard("fine", func() ([]byte, error) { return []byte("ok"), nil }); err != nil || string(out) != "ok" {
		t.Errorf("guard without panic: %q, %v", out, err)
	}
}

// FuzzPDFText checks the filter's promises for any string: every glyph is valid UTF-8, within
// 16 bits, free of control and format characters, normalised, and in a font that has it; and a
// sheet prints and wraps it without panicking.
func FuzzPDFText(f *testing.F) {
	for _, seed := range []string{
		"Müller & Söhne", "Café 😀", "👨‍👩‍👧🇩🇪👍🏽", "中文 日本語 한국어", "שלום (עולם) 2027", "سنة ٢٠٢٧",
		"e\u0301", "a\x00\u200d\u0301\r\n\t", "\xff\xfe", "\ufffe\uffff", " \u0301", "ก\u0e31",
	} {
		f.Add(seed, false)
	}
	fonts := newFontBook(coverage)
	f.Fuzz(func(t *testing.T, text string, bold bool) {
		gs, err := fonts.pdfText(text, bold)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gs {
			if !utf8.ValidString(g.text) || g.text == "" || !norm.NFC.IsNormalString(g.text) {
				t.Fatalf("glyph %q: empty, invalid or not NFC", g.text)
			}
			for _, r := range g.text {
				if r > 0xFFFF || invisible(r) || r != ' ' && isBreakingSpace(r) {
					t.Fatalf("glyph %q has %U", g.text, r)
				}
			}
			set, err := fonts.coverageOf(g.face, bold)
			if err != nil {
				t.Fatal(err)
			}
			if !g.isSpace() && !coversAll(set, g.text) {
				t.Fatalf("glyph %q in face %d that lacks it", g.text, g.face)
			}
		}
		s := testSheet(t, fonts)
		if bold {
			s.setFont("B", 10)
		}
		s.paragraph(50, 5, text, "R")
		if err := s.pdf.Error(); err != nil {
			t.Fatal(err)
		}
	})
}

// TestOnlyTheSheetPrintsText keeps the filter in front of every string that goes into a PDF,
// in the renderers there are and in any added later: fpdf's text methods are called in
// pdfsheet.go only, and the metadata setters only with metadataText.
func TestOnlyTheSheetPrintsText(t *testing.T) {
	printing := map[string]bool{
		"Cell": true, "CellFormat": true, "Cellf": true, "MultiCell": true, "Text": true, "Write": true,
		"Writef": true, "WriteAligned": true, "WriteLinkString": true, "WriteLinkID": true, "SplitText": true,
		"SplitLines": true, "Bookmark": true, "GetStringWidth": true,
	}
	metadata := map[string]bool{"SetTitle": true, "SetAuthor": true, "SetSubject": true, "SetKeywords": true, "SetCreator": true, "SetProducer": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "pdfsheet.go" {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			switch {
			case printing[sel.Sel.Name]:
				t.Errorf("%s: %s bypasses the sheet and its text filter", fset.Position(call.Pos()), sel.Sel.Name)
			case metadata[sel.Sel.Name] && len(call.Args) > 0:
				if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					return true
				}
				if inner, ok := call.Args[0].(*ast.CallExpr); ok {
					if id, ok := inner.Fun.(*ast.Ident); ok && id.Name == "metadataText" {
						return true
					}
				}
				t.Errorf("%s: %s without metadataText", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
