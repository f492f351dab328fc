package invoice

import (
	"bytes"
	_ "embed" // the fonts are part of the binary
	"fmt"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// DejaVu Sans covers ä ö ü ß € and every other Latin, Greek, Cyrillic, Arabic and Hebrew
// character a document usually needs; fpdf's core fonts do not. The fallbacks add what DejaVu
// lacks: Droid Sans Fallback the CJK ideographs and kana, NanumSquare the Hangul syllables
// (which Droid Sans Fallback lacks). They are big, so a fallback is only added to a document
// whose text needs it. Licences: fonts/LICENSE, fonts/LICENSE-DroidSansFallback,
// fonts/LICENSE-NanumSquare.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	fontDroidFallback []byte
	//go:embed fonts/NanumSquareR.ttf
	fontNanumSquare []byte
	// The Latin cut (latinCut) of each style, as cutDejaVu makes it; kept in the binary so that
	// the first document neither reads all of DejaVu (1.4 MB of the binary, mapped into the
	// server's memory from then on) nor spends the time to cut it. TestLatinCutIsEmbedded
	// keeps them equal to the cut (`go test ./internal/invoice -run TestLatinCutIsEmbedded -update`).
	//go:embed fonts/DejaVuSans-latin.ttf
	fontLatinRegular []byte
	//go:embed fonts/DejaVuSans-Bold-latin.ttf
	fontLatinBold []byte
)

// fontFamily is DejaVu's Latin cut (latinCut) as registered with fpdf, commonFamily its common
// cut (commonCut), fullFamily all of DejaVu.
const (
	fontFamily   = "dejavu"
	commonFamily = "dejavucommon"
	fullFamily   = "dejavufull"
)

// fallbackFont is a font tried, in order, for what DejaVu lacks. Fallbacks have no bold cut:
// bold text they print stays regular.
type fallbackFont struct {
	family string // as registered with fpdf
	ttf    []byte
}

var fallbackFonts = [...]fallbackFont{
	{"droidfallback", fontDroidFallback},
	{"nanumsquare", fontNanumSquare},
}

// replacementGlyph stands in for a character no embedded font has (every rune above U+FFFF,
// such as emoji, because fpdf addresses glyphs with 16 bits). Both DejaVu cuts have it.
const replacementGlyph = '\uFFFD'

// face is the font a piece of text is printed in.
type face uint8

const (
	faceMain          face = iota // DejaVu's Latin cut in the style asked for
	faceRegular                   // the Latin cut regular, for the few characters the bold cut lacks
	faceCommon                    // DejaVu's common cut in the style asked for, for what the Latin cut lacks
	faceCommonRegular             // the common cut regular
	faceFull                      // all of DejaVu in the style asked for, for what the common cut lacks
	faceFullRegular               // all of DejaVu regular
	faceFallback0                 // fallbackFonts[0]; faceFallback0+i is fallbackFonts[i]
)

// faceEnd is one past the last face.
const faceEnd = faceFallback0 + face(len(fallbackFonts))

// isRegularTwin tells a face that is the regular style of the face before it: for regular
// text it is the same font, so it is never tried.
func isRegularTwin(f face) bool {
	return f == faceRegular || f == faceCommonRegular || f == faceFullRegular
}

// sameStyleOfDejaVu tells whether two faces are cuts of DejaVu in one style; the larger face
// is the larger cut.
func sameStyleOfDejaVu(a, b face) bool {
	return a < faceFallback0 && b < faceFallback0 && isRegularTwin(a) == isRegularTwin(b)
}

// latinCut is what DejaVu's Latin cut holds: the characters of German and English documents
// and of the names and addresses of most of Europe — Latin-1, Latin Extended-A and -B,
// punctuation (dashes, quotes, ellipsis), currency signs, letterlike symbols (№, ™) — and the
// replacement glyph. fpdf's work per added font grows with the glyphs in it (it parses every
// table when the font is added and again when it writes the subset), so nearly every document
// is printed in this cut, about a quarter of the common cut; a document adds the common cut
// only for a character outside it (Greek, Cyrillic, Vietnamese, arrows, shapes).
var latinCut = [][2]rune{
	{0x0020, 0x024F}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}, {replacementGlyph, replacementGlyph},
}

// commonCut is what DejaVu's common cut holds: the Latin cut and the rest of the characters of
// names, addresses and amounts in the other European languages (Latin Extended Additional,
// Greek, Cyrillic, arrows and shapes). The whole of DejaVu (about 6,000 glyphs per cut) took most
// of a document's time; the common cut, made once per process, has about a fifth of the glyphs
// with the same metrics; all of DejaVu is only added to a document whose text needs a character
// outside it.
var commonCut = [][2]rune{
	{0x0020, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
	{0x20A0, 0x20CF}, {0x2100, 0x214F}, {0x2190, 0x21FF}, {0x25A0, 0x25FF}, {replacementGlyph, replacementGlyph},
}

// cutDejaVu is ttf with only the glyphs of the runes in ranges, with the same metrics.
func cutDejaVu(name string, ttf []byte, ranges [][2]rune) ([]byte, error) {
	var set strings.Builder
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			set.WriteRune(r)
		}
	}
	cut := fpdf.UTF8CutFont(bytes.Clone(ttf), set.String()) // it writes into its input, see sheet.use
	if len(cut) == 0 {
		return nil, fmt.Errorf("cut %s: empty font", name)
	}
	return cut, nil
}

// glyphSet tells which runes of the Basic Multilingual Plane a font has a glyph for, read from
// its cmap. Runes above U+FFFF are never in it: fpdf cannot address them.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r/64]&(1<<(r%64)) != 0
}

// coverage reads a TrueType font's cmap into a glyphSet.
func coverage(name string, ttf []byte) (*glyphSet, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	var buf sfnt.Buffer
	set := new(glyphSet)
	for r := rune(0); r < 0x10000; r++ {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			return nil, fmt.Errorf("font %s: cmap at %U: %w", name, r, err)
		}
		if idx != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return set, nil
}

// fontBook holds the embedded fonts as documents need them: DejaVu's Latin and common cuts and
// the glyph coverage of every font, each made or read once, the first time a text needs it,
// and shared by every document drawn with the book, concurrently. The renderers of a process
// share one book (sharedFonts), so each cut is made once per process.
type fontBook struct {
	// drawing holds one token per PDF being drawn with the book (drawPDF). A PDF allocates
	// 6–12 MB while it is drawn; after a booking burst the render job and every mail
	// connection drew one at once, and those allocations set the process's memory peak.
	drawing       chan struct{}
	latin, common func() (cutFonts, error)
	dejavu        func() (dejavuSets, error)
	fallbacks     [len(fallbackFonts)]func() (*glyphSet, error)
}

// cutFonts is a cut of DejaVu, regular and bold, with the coverage of each.
type cutFonts struct {
	regularTTF, boldTTF []byte
	regular, bold       *glyphSet
}

type dejavuSets struct{ regular, bold *glyphSet }

// sharedFonts is the one font book of the process. A package variable on purpose: it is a
// cache of the embedded fonts, derived from nothing but the binary, and sharing it is what
// makes the cuts once per process rather than once per renderer.
var sharedFonts = sync.OnceValue(func() *fontBook { return newFontBook(coverage) })

// newFontBook reads coverage with read, which tests count; name says which font it is.
func newFontBook(read func(name string, ttf []byte) (*glyphSet, error)) *fontBook {
	b := &fontBook{
		drawing: make(chan struct{}, pdfsAtOnce()),
		latin:   sync.OnceValues(func() (cutFonts, error) { return embeddedCut(read, "Latin cut", fontLatinRegular, fontLatinBold) }),
		common:  sync.OnceValues(func() (cutFonts, error) { return makeCut(read, "common cut", commonCut) }),
		dejavu: sync.OnceValues(func() (dejavuSets, error) {
			regular, err := read("DejaVu Sans", fontRegular)
			if err != nil {
				return dejavuSets{}, err
			}
			bold, err := read("DejaVu Sans Bold", fontBold)
			if err != nil {
				return dejavuSets{}, err
			}
			return dejavuSets{regular, bold}, nil
		}),
	}
	for i, f := range fallbackFonts {
		b.fallbacks[i] = sync.OnceValues(func() (*glyphSet, error) { return read(f.family, f.ttf) })
	}
	return b
}

// makeCut cuts both styles of DejaVu to ranges and reads the coverage of each cut.
func makeCut(read func(name string, ttf []byte) (*glyphSet, error), cut string, ranges [][2]rune) (cutFonts, error) {
	var c cutFonts
	var err error
	for _, style := range []struct {
		name     string
		ttf      []byte
		out      *[]byte
		coverage **glyphSet
	}{{"DejaVu Sans, " + cut, fontRegular, &c.regularTTF, &c.regular},
		{"DejaVu Sans Bold, " + cut, fontBold, &c.boldTTF, &c.bold}} {
		if *style.out, err = cutDejaVu(style.name, style.ttf, ranges); err != nil {
			return cutFonts{}, err
		}
		if *style.coverage, err = read(style.name, *style.out); err != nil {
			return cutFonts{}, err
		}
	}
	return c, nil
}

// embeddedCut is a cut kept in the binary, with the coverage of each style read.
func embeddedCut(read func(name string, ttf []byte) (*glyphSet, error), cut string, regular, bold []byte) (cutFonts, error) {
	c := cutFonts{regularTTF: regular, boldTTF: bold}
	var err error
	if c.regular, err = read("DejaVu Sans, "+cut, regular); err != nil {
		return cutFonts{}, err
	}
	if c.bold, err = read("DejaVu Sans Bold, "+cut, bold); err != nil {
		return cutFonts{}, err
	}
	return c, nil
}

// cut is the book's cut a face of DejaVu's cuts is printed in, with its fpdf family.
func (b *fontBook) cut(f face) (cutFonts, string, error) {
	if f == faceCommon || f == faceCommonRegular {
		c, err := b.common()
		return c, commonFamily, err
	}
	c, err := b.latin()
	return c, fontFamily, err
}

// coverageOf is the glyph coverage of a face in a style (bold or not).
func (b *fontBook) coverageOf(f face, bold bool) (*glyphSet, error) {
	switch f {
	case faceMain, faceRegular, faceCommon, faceCommonRegular:
		c, _, err := b.cut(f)
		if !isRegularTwin(f) && bold {
			return c.bold, err
		}
		return c.regular, err
	case faceFull, faceFullRegular:
		d, err := b.dejavu()
		if f == faceFull && bold {
			return d.bold, err
		}
		return d.regular, err
	default:
		return b.fallbacks[f-faceFallback0]()
	}
}

// font is what a sheet registers with fpdf and selects for a face in a style ("" or "B").
func (b *fontBook) font(f face, style string) (family, fontStyle string, ttf []byte, err error) {
	switch f {
	case faceMain, faceRegular, faceCommon, faceCommonRegular:
		c, family, err := b.cut(f)
		if !isRegularTwin(f) && style == "B" {
			return family, "B", c.boldTTF, err
		}
		return family, "", c.regularTTF, err
	case faceFull, faceFullRegular:
		if f == faceFull && style == "B" {
			return fullFamily, "B", fontBold, nil
		}
		return fullFamily, "", fontRegular, nil
	default:
		fb := fallbackFonts[f-faceFallback0]
		return fb.family, "", fb.ttf, nil
	}
}

// faceFor is the first font that has every rune of a grapheme cluster, in the order the Latin
// cut in the style asked for, the Latin cut regular, the common cut in that style and regular,
// all of DejaVu in that style and regular, the fallbacks; ok is false when none has them all.
// A font's coverage is only read when the fonts before it lack a cluster.
func (b *fontBook) faceFor(cluster string, bold bool) (face, bool, error) {
	for f := faceMain; f < faceEnd; f++ {
		if !bold && isRegularTwin(f) {
			continue // the same font as the face before it
		}
		set, err := b.coverageOf(f, bold)
		if err != nil {
			return 0, false, err
		}
		if coversAll(set, cluster) {
			return f, true, nil
		}
	}
	return 0, false, nil
}

func coversAll(set *glyphSet, s string) bool {
	for _, r := range s {
		if !set.has(r) {
			return false
		}
	}
	return true
}
