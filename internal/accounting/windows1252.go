package accounting

import (
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// windows1252 encodes text as Windows-1252, the encoding DATEV reads. A character the code page
// cannot hold (an emoji, most non-Latin scripts) becomes "?", a control character (a line break,
// a tab) a space: the
// charmap encoder's own replacement is the control character SUB, which DATEV refuses in text.
func windows1252(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if unicode.IsControl(r) { // line breaks too: DATEV allows none inside a field
			out = append(out, ' ')
			continue
		}
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			b = '?'
		}
		out = append(out, b)
	}
	return out
}
