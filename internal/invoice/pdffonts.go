package invoice

import (
	_ "embed" // the fonts are part of the binary
	"fmt"
	"sync"

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

// fontFamily is the main font as registered with fpdf.
const fontFamily = "dejavu"

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
	faceMain      face = iota // DejaVu in the style asked for
	faceRegular               // DejaVu regular, for the few characters the bold cut lacks
	faceFallback0             // fallbackFonts[0]; faceFallback0+i is fallbackFonts[i]
)

// fallback is the fallback font a face prints in; ok is false for DejaVu.
func (f face) fallback() (font fallbackFont, ok bool) {
	if f < faceFallback0 {
		return fallbackFont{}, false
	}
	return fallbackFonts[f-faceFallback0], true
}

// glyphSet tells which runes of the Basic Multilingual Plane a font has a glyph for, read from
// its cmap. Runes above U+FFFF are never in it: fpdf cannot address them.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r/64]&(1<<(r%64)) != 0
}

// coverage reads a TrueType font's cmap into a glyphSet.
func coverage(ttf []byte) (*glyphSet, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	var buf sfnt.Buffer
	set := new(glyphSet)
	for r := rune(0); r < 0x10000; r++ {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil {
			return nil, fmt.Errorf("font cmap at %U: %w", r, err)
		}
		if idx != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return set, nil
}

// fontBook holds the glyph coverage of the embedded fonts, read once per renderer and shared by
// every document it draws, concurrently. A fallback's cmap is only read the first time a text
// has a character the fonts before it lack.
type fontBook struct {
	dejavu    func() (dejavuSets, error)
	fallbacks [len(fallbackFonts)]func() (*glyphSet, error)
}

type dejavuSets struct{ regular, bold *glyphSet }

func newFontBook() *fontBook {
	b := &fontBook{
		dejavu: sync.OnceValues(func() (dejavuSets, error) {
			regular, err := coverage(fontRegular)
			if err != nil {
				return dejavuSets{}, fmt.Errorf("DejaVu Sans: %w", err)
			}
			bold, err := coverage(fontBold)
			if err != nil {
				return dejavuSets{}, fmt.Errorf("DejaVu Sans Bold: %w", err)
			}
			return dejavuSets{regular, bold}, nil
		}),
	}
	for i, f := range fallbackFonts {
		b.fallbacks[i] = sync.OnceValues(func() (*glyphSet, error) {
			set, err := coverage(f.ttf)
			if err != nil {
				return nil, fmt.Errorf("font %s: %w", f.family, err)
			}
			return set, nil
		})
	}
	return b
}

// faceFor is the first font that has every rune of a grapheme cluster, in the order DejaVu in
// the style asked for, DejaVu regular, the fallbacks; ok is false when none has them all.
func (b *fontBook) faceFor(cluster string, bold bool) (face, bool, error) {
	dv, err := b.dejavu()
	if err != nil {
		return 0, false, err
	}
	main := dv.regular
	if bold {
		main = dv.bold
	}
	if coversAll(main, cluster) {
		return faceMain, true, nil
	}
	if bold && coversAll(dv.regular, cluster) {
		return faceRegular, true, nil
	}
	for i, fallback := range b.fallbacks {
		set, err := fallback()
		if err != nil {
			return 0, false, err
		}
		if coversAll(set, cluster) {
			return faceFallback0 + face(i), true, nil
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
