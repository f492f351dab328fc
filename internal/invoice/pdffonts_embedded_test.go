package invoice

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var updateFonts = flag.Bool("update", false, "write the embedded Latin cuts of DejaVu (fonts/*-latin.ttf)")

// The Latin cut kept in the binary is the cut cutDejaVu makes of the embedded DejaVu.
func TestLatinCutIsEmbedded(t *testing.T) {
	for _, f := range []struct {
		file     string
		full, in []byte
	}{{"fonts/DejaVuSans-latin.ttf", fontRegular, fontLatinRegular}, {"fonts/DejaVuSans-Bold-latin.ttf", fontBold, fontLatinBold}} {
		cut, err := cutDejaVu(f.file, f.full, latinCut)
		if err != nil {
			t.Fatal(err)
		}
		again, err := cutDejaVu(f.file, f.full, latinCut)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(cut, again) {
			t.Fatalf("%s: two cuts differ", f.file)
		}
		if *updateFonts {
			if err := os.WriteFile(f.file, cut, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(cut, f.in) {
			t.Errorf("%s is not the Latin cut of DejaVu (%d bytes, the cut %d); run with -update", f.file, len(f.in), len(cut))
		}
	}
}
