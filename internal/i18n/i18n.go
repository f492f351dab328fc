// Package i18n translates the service's strings into German (the default) and English, and
// formats money and times the way each language writes them. Messages live in locales/*.yaml,
// embedded and checked at start-up: a key missing from one language stops the service from booting.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

//go:embed locales/*.yaml
var localeFiles embed.FS

// Languages are the supported languages, default first.
var Languages = []string{"de", "en"}

// Catalog holds every message in every language.
type Catalog struct {
	bundle  *i18n.Bundle
	matcher language.Matcher
	langs   map[string]*Translator
}

// Most messages are fixed text: no template, no plural forms. go-i18n keeps each message as a
// Message, a MessageTemplate and a map of plural templates — about 700 bytes and seven objects
// for a few words, 1.9 MB live (2.7 MB of heap) for the ~3,000 messages of both languages, the
// largest part of an idle server's heap (docs/benchmarks.md, "Idle memory (session 24)"). So
// fixed text is kept as a plain string per key, and only the messages that are templates or have
// plural forms go into go-i18n's bundle; T returns a fixed text as go-i18n would (a message
// without its delimiters is returned as written).
func fixedText(m *i18n.Message) (string, bool) {
	if m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" {
		return "", false
	}
	left := m.LeftDelim
	if left == "" {
		left = "{{"
	}
	if strings.Contains(m.Other, left) {
		return "", false
	}
	return m.Other, true
}

// New loads and cross-checks the message files.
func New() (*Catalog, error) {
	bundle := i18n.NewBundle(language.German)
	unmarshal := map[string]i18n.UnmarshalFunc{"yaml": yaml.Unmarshal}
	keys := map[string]map[string]bool{}
	fixed := map[string]map[string]string{}
	for _, lang := range Languages {
		keys[lang] = map[string]bool{}
		fixed[lang] = map[string]string{}
		paths, err := fs.Glob(localeFiles, "locales/*."+lang+".yaml")
		if err != nil {
			return nil, err
		}
		for _, path := range paths {
			raw, err := localeFiles.ReadFile(path)
			if err != nil {
				return nil, err
			}
			file, err := i18n.ParseMessageFileBytes(raw, path, unmarshal)
			if err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", path, err)
			}
			var templates []*i18n.Message
			for _, m := range file.Messages {
				if keys[lang][m.ID] {
					return nil, fmt.Errorf("i18n: %s: key %q defined twice", path, m.ID)
				}
				keys[lang][m.ID] = true
				if text, ok := fixedText(m); ok {
					fixed[lang][m.ID] = text
				} else {
					templates = append(templates, m)
				}
			}
			if err := bundle.AddMessages(file.Tag, templates...); err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", path, err)
			}
		}
	}
	if missing := missingKeys(keys); len(missing) > 0 {
		return nil, fmt.Errorf("i18n: keys not translated into every language: %s", strings.Join(missing, ", "))
	}
	c := &Catalog{
		bundle:  bundle,
		matcher: language.NewMatcher([]language.Tag{language.German, language.English}),
		langs:   map[string]*Translator{},
	}
	for _, lang := range Languages {
		c.langs[lang] = &Translator{Lang: lang, fixed: fixed[lang], localizer: i18n.NewLocalizer(bundle, lang)}
	}
	return c, nil
}

func missingKeys(keys map[string]map[string]bool) []string {
	var missing []string
	for lang, have := range keys {
		for _, other := range Languages {
			for k := range keys[other] {
				if !have[k] {
					missing = append(missing, lang+":"+k)
				}
			}
		}
	}
	sort.Strings(missing)
	return missing
}

// Supported returns lang if it is a supported language code, otherwise "".
func Supported(lang string) string {
	for _, l := range Languages {
		if strings.EqualFold(l, lang) {
			return l
		}
	}
	return ""
}

// Match picks the best supported language for an Accept-Language header; German when none fits.
func (c *Catalog) Match(acceptLanguage string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return Languages[0]
	}
	_, index, confidence := c.matcher.Match(tags...)
	if confidence == language.No {
		return Languages[0]
	}
	return Languages[index]
}

// For returns the translator of a language; German for anything unsupported.
func (c *Catalog) For(lang string) *Translator {
	if t, ok := c.langs[Supported(lang)]; ok {
		return t
	}
	return c.langs[Languages[0]]
}

// Translator translates into one language.
type Translator struct {
	Lang      string
	fixed     map[string]string // the messages that are fixed text (fixedText)
	localizer *i18n.Localizer   // the templates and plural messages
}

// T translates a message. args are key/value pairs for the message's template; a key "Count"
// also selects the plural form. A missing message shows its key, so the gap is visible rather
// than fatal — the start-up check has already proven every key exists in every language.
func (t *Translator) T(id string, args ...any) string {
	if text, ok := t.fixed[id]; ok {
		return text
	}
	data := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		data[fmt.Sprint(args[i])] = args[i+1]
	}
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if n, ok := data["Count"]; ok {
		cfg.PluralCount = n
	}
	s, err := t.localizer.Localize(cfg)
	if err != nil {
		return id
	}
	return s
}

// Has tells whether a message exists (used to translate keys that come from data, such as
// business functions, with a fallback).
func (t *Translator) Has(id string) bool {
	if _, ok := t.fixed[id]; ok {
		return true
	}
	_, err := t.localizer.Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}
