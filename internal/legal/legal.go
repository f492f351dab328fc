// Package legal renders the legal pages (Impressum, privacy notice, terms of participation) from
// Markdown files the operator edits: the defaults ship in config/legal/, a folder setting
// overrides them file by file. The Markdown may use the settings it has to show (the seller,
// the retention periods) as text/template fields, so the privacy notice never disagrees with
// the configuration.
package legal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	texttemplate "text/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Page names a legal page by its German slug, which is also its path.
type Page string

// The legal pages; their slugs are the public paths (/impressum, /en/impressum, ...).
const (
	Imprint Page = "impressum"
	Privacy Page = "datenschutz"
	Terms   Page = "teilnahmebedingungen"
)

// Pages lists every legal page, in the order the footer links them.
var Pages = []Page{Imprint, Privacy, Terms}

// Languages are the languages every legal page exists in.
var Languages = []string{"de", "en"}

// placeholder marks text the operator still has to replace: [[like this]].
var placeholder = regexp.MustCompile(`\[\[[^\]]+\]\]`)

// Retention is how long each kind of stored data is kept, as configured; the privacy notice
// shows these numbers.
type Retention struct {
	WaitlistMonths      int // waiting-list entries, after they were made
	InquiryMonths       int // in-house inquiries, after they came in
	MailDays            int // bodies of mails that are not business letters
	BusinessLetterYears int // confirmations, cancellations and other business letters
	InvoiceYears        int // invoices and credit notes, from the end of the calendar year
	SessionHours        int // back-office sessions at the longest
}

// Facts is what the Markdown may refer to, e.g. {{.Seller.Name}} or {{.Retention.InvoiceYears}}.
type Facts struct {
	Seller    Seller
	Retention Retention
	Stripe    bool // card payments are on, so Stripe is a recipient
}

// Seller is the operator as configured (seller_* settings).
type Seller struct {
	Name, Address, Email, Phone, VATID, TaxNumber string
}

// Document is one legal page in one language, rendered.
type Document struct {
	Title        string        // the first heading's text
	HTML         template.HTML // the body, from Markdown with raw HTML left out
	Placeholders []string      // [[...]] markers still in the text
}

// Library holds every legal page in every language, rendered once at start-up.
type Library struct {
	docs         map[string]Document // key: page + "." + lang
	termsVersion string
}

// Load reads config/legal/<page>.<lang>.md from defaults, or from dir when dir holds that file,
// and renders each with facts. A file that does not parse as a template stops the start.
func Load(defaults fs.FS, dir string, facts Facts) (*Library, error) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table)) // raw HTML stays off (no html.WithUnsafe)
	lib := &Library{docs: map[string]Document{}}
	terms := sha256.New()
	for _, page := range Pages {
		for _, lang := range Languages {
			name := fmt.Sprintf("%s.%s.md", page, lang)
			src, err := readSource(defaults, dir, name)
			if err != nil {
				return nil, err
			}
			doc, err := render(md, name, src, facts)
			if err != nil {
				return nil, err
			}
			lib.docs[string(page)+"."+lang] = doc
			if page == Terms {
				terms.Write(src)
			}
		}
	}
	lib.termsVersion = hex.EncodeToString(terms.Sum(nil))[:12]
	return lib, nil
}

// readSource prefers the operator's file in dir and falls back to the embedded default.
func readSource(defaults fs.FS, dir, name string) ([]byte, error) {
	if dir != "" {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil {
			return src, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("legal: %w", err)
		}
	}
	src, err := fs.ReadFile(defaults, "config/legal/"+name)
	if err != nil {
		return nil, fmt.Errorf("legal: default %s: %w", name, err)
	}
	return src, nil
}

func render(md goldmark.Markdown, name string, src []byte, facts Facts) (Document, error) {
	t, err := texttemplate.New(name).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return Document{}, fmt.Errorf("legal: %s: %w", name, err)
	}
	var text bytes.Buffer
	if err := t.Execute(&text, facts); err != nil {
		return Document{}, fmt.Errorf("legal: %s: %w", name, err)
	}
	var html bytes.Buffer
	if err := md.Convert(text.Bytes(), &html); err != nil {
		return Document{}, fmt.Errorf("legal: %s: %w", name, err)
	}
	return Document{
		Title: firstHeading(text.String()),
		// goldmark escapes text and drops raw HTML, so its output is safe to show as is.
		HTML:         template.HTML(html.String()), //nolint:gosec // see above
		Placeholders: placeholder.FindAllString(text.String(), -1),
	}, nil
}

// firstHeading returns the text of the first "# " line, the page's title.
func firstHeading(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if title, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			return strings.TrimSpace(title)
		}
	}
	return ""
}

// Document returns a page in a language (German when the language is unknown).
func (l *Library) Document(page Page, lang string) (Document, bool) {
	if doc, ok := l.docs[string(page)+"."+lang]; ok {
		return doc, true
	}
	doc, ok := l.docs[string(page)+".de"]
	return doc, ok
}

// TermsVersion names the terms of participation as they stand: a short hash of their text in
// every language, stored with each booking so it is clear later which terms the booker accepted.
func (l *Library) TermsVersion() string { return l.termsVersion }

// Placeholders lists, per file, the markers the operator has not replaced yet; start-up warns
// about each.
func (l *Library) Placeholders() map[string][]string {
	out := map[string][]string{}
	for key, doc := range l.docs {
		if len(doc.Placeholders) > 0 {
			out[key+".md"] = doc.Placeholders
		}
	}
	return out
}

// IsPage tells whether slug names a legal page.
func IsPage(slug string) (Page, bool) {
	for _, p := range Pages {
		if string(p) == slug {
			return p, true
		}
	}
	return "", false
}
