package invoice

import (
	"slices"

	"golang.org/x/text/unicode/bidi"
)

// visualOrder puts a line's glyphs in the order they are drawn from left to right. fpdf draws
// text as given, so Hebrew and Arabic, stored first letter first, would read backwards. The
// line's base direction is left to right (documents are German or English). This follows the
// Unicode Bidirectional Algorithm (UAX #9) as far as such a line needs it: the weak types of
// numbers (W1–W7), neutrals (N1, N2), implicit levels (I1), reversal (L2) and mirrored brackets
// (L4). Explicit embeddings and isolates never occur: the filter drops formatting characters.
// golang.org/x/text/unicode/bidi supplies the character classes and the mirroring; its
// Paragraph does not compute a visual order.
func visualOrder(line []glyph) []glyph {
	types := make([]bidi.Class, len(line))
	rtl := false
	for i, g := range line {
		for _, r := range g.text {
			p, _ := bidi.LookupRune(r)
			types[i] = p.Class()
			break
		}
		rtl = rtl || types[i] == bidi.R || types[i] == bidi.AL || types[i] == bidi.AN
	}
	if !rtl {
		return line
	}
	resolveWeak(types)
	resolveNeutral(types)
	levels := make([]int, len(line))
	for i, t := range types {
		switch t {
		case bidi.R:
			levels[i] = 1
		case bidi.EN, bidi.AN:
			levels[i] = 2
		}
	}
	out := slices.Clone(line)
	for i := range out {
		if levels[i]%2 == 1 {
			out[i].text = bidi.ReverseString(out[i].text) // mirrors brackets: "(" reads ")"
		}
	}
	for level := 2; level >= 1; level-- {
		for i := 0; i < len(out); {
			if levels[i] < level {
				i++
				continue
			}
			j := i
			for j < len(out) && levels[j] >= level {
				j++
			}
			slices.Reverse(out[i:j])
			slices.Reverse(levels[i:j])
			i = j
		}
	}
	return out
}

// resolveWeak applies rules W1–W7 to a line at level 0 (start and end of line count as L).
func resolveWeak(t []bidi.Class) {
	for i := range t { // W1: a lone mark takes the type of what it follows
		if t[i] == bidi.NSM {
			t[i] = bidi.ON
			if i > 0 {
				t[i] = t[i-1]
			}
		}
	}
	strong := bidi.L
	for i := range t { // W2, W3
		switch t[i] {
		case bidi.L, bidi.R, bidi.AL:
			strong = t[i]
		case bidi.EN:
			if strong == bidi.AL {
				t[i] = bidi.AN
			}
		}
		if t[i] == bidi.AL {
			t[i] = bidi.R
		}
	}
	for i := 1; i+1 < len(t); i++ { // W4: 1,5 and 1.5 stay numbers
		if t[i-1] == t[i+1] && (t[i] == bidi.CS && (t[i-1] == bidi.EN || t[i-1] == bidi.AN) || t[i] == bidi.ES && t[i-1] == bidi.EN) {
			t[i] = t[i-1]
		}
	}
	for i := range t { // W5: 50 € and €50 are one number
		if t[i] != bidi.ET {
			continue
		}
		j := i
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if i > 0 && t[i-1] == bidi.EN || j < len(t) && t[j] == bidi.EN {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
	}
	strong = bidi.L
	for i := range t {
		switch t[i] {
		case bidi.ES, bidi.ET, bidi.CS: // W6
			t[i] = bidi.ON
		case bidi.L, bidi.R:
			strong = t[i]
		case bidi.EN: // W7
			if strong == bidi.L {
				t[i] = bidi.L
			}
		}
	}
}

// resolveNeutral applies N1 and N2: neutrals between two strong types of one direction take it
// (numbers count as right to left), the others the line's direction, left to right.
func resolveNeutral(t []bidi.Class) {
	dir := func(c bidi.Class) bidi.Class {
		switch c {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	for i := 0; i < len(t); {
		if dir(t[i]) != bidi.ON {
			i++
			continue
		}
		j := i
		for j < len(t) && dir(t[j]) == bidi.ON {
			j++
		}
		before, after := bidi.L, bidi.L
		if i > 0 {
			before = dir(t[i-1])
		}
		if j < len(t) {
			after = dir(t[j])
		}
		resolved := bidi.L
		if before == bidi.R && after == bidi.R {
			resolved = bidi.R
		}
		for k := i; k < j; k++ {
			t[k] = resolved
		}
		i = j
	}
}
