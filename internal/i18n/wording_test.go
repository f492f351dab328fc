package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoJargonInTexts keeps words out of every text a reader sees that name the machinery instead
// of what it means: the IANA zone name (Translator.Zone says "deutscher Zeit, MEZ") and the
// breadcrumb term (a screen reader announces the navigation's label, "Sie sind hier").
func TestNoJargonInTexts(t *testing.T) {
	files, err := filepath.Glob("locales/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("locale files %v (%v)", files, err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(raw), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			for _, jargon := range []string{"Europe/Berlin", "Brotkrumen", "Breadcrumb"} {
				if strings.Contains(line, jargon) {
					t.Errorf("%s:%d says %q: %s", f, n+1, jargon, line)
				}
			}
		}
	}
}
