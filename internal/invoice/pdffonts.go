package invoice

import (
	_ "embed" // the fonts are part of the binary
	"errors"
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
)

// fontFamily is DejaVu's common cut (commonCut) as registered with fpdf, fullFamily all of
// DejaVu.
const (
	fontFamily = "dejavu"
	fullFamily = "dejavufull"
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
	faceMain        face = iota // DejaVu's common cut in the style asked for
	faceRegular                 // the common cut regular, for the few characters the bold cut lacks
	faceFull                    // all of DejaVu in the style asked for, for what the common cut lacks
	faceFullRegular             // all of DejaVu regular
	faceFallback0               // fallbackFonts[0]; faceFallback0+i is fallbackFonts[i]
)

// faceEnd is one past the last face.
const faceEnd = faceFallback0 + face(len(fallbackFonts))

// commonCut is what DejaVu's common cut holds: the characters of names, addresses and amounts
// in German, English and the other European languages (Latin, Greek, Cyrillic, punctuation,
// currency, arrows and shapes) and the replacement glyph. fpdf parses a font's every table
// each time a document adds it, and again when it writes the subset: the whole of DejaVu
// (about 6,000 glyphs per cut) took most of a document's time. The common cut, made once per
// process, has about a fifth of the glyphs with the same metrics; all of DejaVu is only added
// to a document whose text needs a character outside it.
var commonCut = [][2]rune{
	{0x0020, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x1E00, 0x1EFF}, {0x2000, 0x206F},
	{0x20A0, 0x20CF}, {0x2100, 0x214F}, {0x2190, 0x21FF}, {0x25A0, 0x25FF}, {replacementGlyph, replacementGlyph},
}

// cutCommon is ttf with only the glyphs of commonCut.
func cutCommon(ttf []byte) ([]byte, error) {
	var set strings.Builder
	for _, rg := range commonCut {
		for r := rg[0]; r <= rg[1]; r++ {
			set.WriteRune(r)
		}
	}
	cut := fpdf.UTF8CutFont(ttf, set.String())
	if len(cut) == 0 {
		return nil, errors.New("cut DejaVu to its common glyphs: empty font")
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

// fontBook holds the embedded fonts as documents need them: DejaVu's common cut and the glyph
// coverage of every font, each made or read once, the first time a text needs it, and shared
// by every document drawn with the book, concurrently. The renderers of a process share one
// book (sharedFonts), so the common cut is made once per process.
type fontBook struct {
	common    func() (commonFonts, error)
	dejavu    func() (dejavuSets, error)
	fallbacks [len(fallbackFonts)]func() (*glyphSet, error)
}

// commonFonts is DejaVu's common cut, regular and bold, with the coverage of each.
type commonFonts struct {
	regularTTF, boldTTF []byte
	regular, bold       *glyphSet
}

type dejavuSets struct{ regular, bold *glyphSet }

// sharedFonts is the one font book of the process. A package variable on purpose: it is a
// cache of the embedded fonts, derived from nothing but the binary, and sharing it is what
// makes the common cut once per process rather than once per renderer.
var sharedFonts = sync.OnceValue(func() *fontBook { return newFontBook(coverage) })

// newFontBook reads coverage with read, which tests count; name says which font it is.
func newFontBook(read func(name string, ttf []byte) (*glyphSet, error)) *fontBook {
	b := &fontBook{
		common: sync.OnceValues(func() (commonFonts, error) {
			var c commonFonts
			var err error
			for _, cut := range []struct {
				name     string
				ttf      []byte
				out      *[]byte
				coverage **glyphSet
			}{{"DejaVu Sans, common cut", fontRegular, &c.regularTTF, &c.regular},
				{"DejaVu Sans Bold, common cut", fontBold, &c.boldTTF, &c.bold}} {
				if *cut.out, err = cutCommon(cut.ttf); err != nil {
					return commonFonts{}, err
				}
				if *cut.coverage, err = read(cut.name, *cut.out); err != nil {
					return commonFonts{}, err
				}
			}
			return c, nil
		}),
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

// coverageOf is the glyph coverage of a face in a style (bold or not).
func (b *fontBook) coverageOf(f face, bold bool) (*glyphSet, error) {
	switch f {
	case faceMain, faceRegular:
		c, err := b.common()
		if f == faceMain && bold {
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
	case faceMain, faceRegular:
		c, err := b.common()
		if f == faceMain && style == "B" {
			return fontFamily, "B", c.boldTTF, err
		}
		return fontFamily, "", c.regularTTF, err
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

// faceFor is the first font that has every rune of a grapheme cluster, in the order the
// common cut in the style asked for, the common cut regular, all of DejaVu in that style and
// regular, the fallbacks; ok is false when none has them all. A font's coverage is only read
// when the fonts before it lack a cluster.
func (b *fontBook) faceFor(cluster string, bold bool) (face, bool, error) {
	for f := faceMain; f < faceEnd; f++ {
		if !bold && (f == faceRegular || f == faceFullRegular) {
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
