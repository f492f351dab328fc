package i18n

import (
	"io/fs"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Every message, fixed text or not, reads as go-i18n alone reads it: a bundle of all the
// message files, as the catalog was before fixed text was kept apart (fixedText), is the
// reference. Templates get arguments for the names they use and plurals a count, so a message
// wrongly taken for fixed text would show its template instead of the values.
func TestEveryMessageReadsAsGoI18nReadsIt(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	reference := i18n.NewBundle(language.German)
	reference.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	paths, err := fs.Glob(localeFiles, "locales/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var ids []struct{ lang, id string }
	for _, path := range paths {
		raw, err := localeFiles.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		file, err := reference.ParseMessageFileBytes(raw, path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range file.Messages {
			ids = append(ids, struct{ lang, id string }{file.Tag.String(), m.ID})
		}
	}
	args := []any{"Count", 3, "Name", "Ada", "Seminar", "Recht im Netz", "Date", "1. März", "Days", 14, "Number", "RE-2026-00001", "Amount", "12,00 €", "Email", "a@example.org"}
	data := map[string]any{}
	for i := 0; i < len(args); i += 2 {
		data[args[i].(string)] = args[i+1]
	}
	fixed, templated := 0, 0
	for _, m := range ids {
		want, err := i18n.NewLocalizer(reference, m.lang).Localize(&i18n.LocalizeConfig{MessageID: m.id, TemplateData: data, PluralCount: 3})
		if err != nil {
			t.Fatalf("%s %s: reference: %v", m.lang, m.id, err)
		}
		tr := c.For(m.lang)
		if got := tr.T(m.id, args...); got != want {
			t.Errorf("%s %s: T = %q, go-i18n = %q", m.lang, m.id, got, want)
		}
		if !tr.Has(m.id) {
			t.Errorf("%s %s: Has = false", m.lang, m.id)
		}
		if _, ok := tr.fixed[m.id]; ok {
			fixed++
		} else {
			templated++
		}
	}
	if fixed == 0 || templated == 0 {
		t.Fatalf("fixed %d, templated %d: the test reads both kinds or it proves nothing", fixed, templated)
	}
	if c.For("de").Has("no.such.key") {
		t.Error("Has(no.such.key) = true")
	}
}
