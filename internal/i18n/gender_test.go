package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOneGenderForm keeps the German texts to one way of naming people: neutral words
// ("Teilnehmende", "Person", "Leitung", "Seminarleitung", "Buchende"), never slash, colon or star
// forms ("Teilnehmer/in", "Inhaber:innen") and no masculine-only word for a person ("Teilnehmer"; a company is still "Kunde").
// It reads the German messages and the German mail and document texts in Go code.
func TestOneGenderForm(t *testing.T) {
	mixed := regexp.MustCompile(`\p{L}(/in|/innen|:in|:innen|\*in|\*innen|_innen|Innen)\b|\b(Teilnehmer|Trainer|Inhaber)(\b|liste|seite|wechsel)`)
	files, _ := filepath.Glob("locales/*.de.yaml")
	code, _ := filepath.Glob("../booking/*.go")
	invoice, _ := filepath.Glob("../invoice/*.go")
	mail, _ := filepath.Glob("../mail/*.go")
	files = append(append(append(files, code...), invoice...), mail...)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(raw), "\n") {
			text := line
			if strings.HasSuffix(f, ".go") {
				// Only string literals speak to people; comments and names are English.
				text = strings.Join(regexp.MustCompile(`"[^"]*"`).FindAllString(line, -1), " ")
			} else if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			if m := mixed.FindString(text); m != "" {
				t.Errorf("%s:%d: %q — write the neutral form (Teilnehmende, Person, Leitung, Seminarleitung): %s", f, n+1, m, strings.TrimSpace(line))
			}
		}
	}
}
