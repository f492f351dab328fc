package invoice

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// glyph is a piece of text as it will be printed — one grapheme cluster, or the part of one
// that a single font has — with the font that has every rune of it.
type glyph struct {
	text string
	face face
	// attached says the piece continues the cluster before it, so no line may break before it.
	attached bool
}

func (g glyph) isSpace() bool { return g.text == " " }

// pdfText is the one filter in front of every string that goes into a PDF. It makes any text
// printable by fpdf, which addresses glyphs with 16 bits and panicked on a rune above U+FFFF:
//   - invalid UTF-8 becomes U+FFFD and the text is put in Unicode normalisation form C, so
//     "e" + U+0301 prints as the single glyph "é";
//   - control and format characters (NUL, bidi marks, zero-width joiners, soft hyphens) and
//     variation selectors are dropped, white space (tabs, line breaks) becomes a plain space;
//   - each grapheme cluster goes to the first font that has all of it — DejaVu in the asked
//     style, DejaVu regular, then the fallbacks (Droid Sans Fallback for CJK, NanumSquare for
//     Hangul) — and what no font has becomes one replacement glyph per cluster, so an emoji, a
//     flag or a family emoji is one visible U+FFFD.
//
// The glyphs come in logical order; printLine puts right-to-left runs in visual order
// (visualOrder). Arabic is not shaped.
func (b *fontBook) pdfText(s string, bold bool) ([]glyph, error) {
	var out []glyph
	var err error
	eachVisibleCluster(s, func(cluster string) bool {
		if cluster == " " {
			out = append(out, glyph{text: " "})
			return true
		}
		var f face
		var ok bool
		f, ok, err = b.faceFor(cluster, bold)
		if err != nil {
			return false
		}
		if ok {
			out = append(out, glyph{text: cluster, face: f})
			return true
		}
		out, err = b.appendRunes(out, cluster, bold)
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// appendRunes prints a cluster no single font has rune by rune: a base letter one font has
// keeps it, and each stretch of runes no font has becomes one replacement glyph.
func (b *fontBook) appendRunes(out []glyph, cluster string, bold bool) ([]glyph, error) {
	first, missing := true, false
	for _, r := range cluster {
		f, ok, err := b.faceFor(string(r), bold)
		if err != nil {
			return nil, err
		}
		switch {
		case ok:
			out = append(out, glyph{text: string(r), face: f, attached: !first})
			missing = false
		case !missing:
			out = append(out, glyph{text: string(replacementGlyph), face: faceMain, attached: !first})
			missing = true
		}
		first = false
	}
	return out, nil
}

// eachVisibleCluster calls fn with each grapheme cluster of the normalised text, stripped of
// what prints nothing, until fn returns false; a white space character comes as " ". Clusters
// are found before the invisible joiners are dropped, so that an emoji sequence stays one.
func eachVisibleCluster(s string, fn func(cluster string) bool) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(replacementGlyph))
	}
	var visible strings.Builder
	g := uniseg.NewGraphemes(norm.NFC.String(s))
	for g.Next() {
		if cluster := g.Str(); printsAsIs(cluster) {
			if !fn(cluster) {
				return
			}
			continue
		}
		visible.Reset()
		for _, r := range g.Str() {
			switch {
			case isBreakingSpace(r):
				visible.WriteByte(' ')
			case !invisible(r):
				visible.WriteRune(r)
			}
		}
		cluster := visible.String()
		if cluster != "" && strings.Trim(cluster, " ") == "" {
			cluster = " " // "\r\n" is one cluster: one space
		}
		// Dropping a joiner between a letter and its accent may leave a pair NFC composes.
		if cluster != "" && !fn(norm.NFC.String(cluster)) {
			return
		}
	}
}

// printsAsIs tells a cluster that the filter leaves as it is: one rune, printable, not a
// white space character other than the plain space, in normal form C. Most clusters of a
// document are such, and passing them on unchanged saves copying each.
func printsAsIs(cluster string) bool {
	r, size := utf8.DecodeRuneInString(cluster)
	if size != len(cluster) || r == utf8.RuneError || invisible(r) || r != ' ' && isBreakingSpace(r) {
		return false
	}
	return r < utf8.RuneSelf || norm.NFC.IsNormalString(cluster)
}

// isBreakingSpace is white space that may become a plain space; the no-break spaces stay.
func isBreakingSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}

// invisible runes print nothing and would otherwise show as missing glyphs.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// metadataText is a string for the document's metadata (title, author): the same filter
// without fonts, as viewers show metadata in their own.
func metadataText(s string) string {
	var b strings.Builder
	eachVisibleCluster(s, func(cluster string) bool {
		for _, r := range cluster {
			if r > 0xFFFF { // fpdf writes metadata as UTF-16 without surrogate pairs
				b.WriteRune(replacementGlyph)
				return true
			}
		}
		b.WriteString(cluster)
		return true
	})
	return b.String()
}

// xmlText makes a string safe for an XML 1.0 document: invalid UTF-8 becomes U+FFFD, the text
// is normalised to NFC, and characters XML 1.0 does not allow (NUL and the other C0 controls
// but tab, LF and CR; U+FFFE, U+FFFF) are removed — encoding/xml would write U+FFFD for them.
func xmlText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(replacementGlyph))
	}
	s = strings.Map(func(r rune) rune {
		if isXMLChar(r) {
			return r
		}
		return -1
	}, s)
	return norm.NFC.String(s)
}

// isXMLChar is the production Char of XML 1.0 (fifth edition), section 2.2.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
