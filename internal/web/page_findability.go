package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
)

// Alternate is one language version of a page, for <link rel="alternate" hreflang>.
type Alternate struct {
	Lang string // "de", "en" or "x-default"
	URL  string
}

// switchFormer is the data of a page that shows a form whose language switch is a submit button:
// switching there re-renders the form in the other language with what was typed. SwitchForm
// returns the form's id, or "" when the page shows no form (an inquiry already sent).
type switchFormer interface {
	SwitchForm() string
}

// SwitchForm: the booking form is always there.
func (bookingFormData) SwitchForm() string { return "booking-form" }

// SwitchForm: the inquiry form, until it is sent.
func (d inquiryData) SwitchForm() string { return formUnless(d.Sent, "inquiry-form") }

// SwitchForm: the waiting-list form, until one has joined.
func (d waitlistJoinData) SwitchForm() string { return formUnless(d.Joined, "waitlist-form") }

// SwitchForm: the offer's booking form, while the offer is open.
func (d waitlistOfferData) SwitchForm() string { return formUnless(!d.Open, "offer-form") }

func formUnless(done bool, id string) string {
	if done {
		return ""
	}
	return id
}

// describer is page data that knows its own meta description (a seminar's summary).
type describer interface {
	Description(lang string) string
}

// describe returns a page's meta description: the data's own, else the page's text from the
// catalogue (meta.<page>), else the site's.
func (s *Server) describe(t *i18n.Translator, name string, data any) string {
	if d, ok := data.(describer); ok {
		if text := d.Description(t.Lang); text != "" {
			return text
		}
	}
	key := "meta." + strings.TrimSuffix(strings.TrimPrefix(name, "pages/"), ".html")
	if t.Has(key) {
		return t.T(key)
	}
	return t.T("meta.site")
}

// addFindability fills what search engines and the language switch need: the canonical URL and
// hreflang alternates of a public page, and where the switch leads.
func (s *Server) addFindability(c echo.Context, p *Page) {
	u := c.Request().URL
	p.SwitchURL = switchLink(u, p.OtherLang())
	if isBackOffice(u.Path) {
		p.Noindex = true
		return
	}
	p.Public = true
	base := germanPath(u.Path)
	p.SwitchAction = localized(p.OtherLang(), base)
	if u.RawQuery != "" {
		p.SwitchAction += "?" + u.RawQuery
	}
	p.Canonical = s.cfg.BaseURL + localized(p.Lang, base)
	p.Alternates = s.alternates(base)
	p.Noindex = !indexable(base)
}

// alternates lists a page (by its German path) in every language, and x-default: the German
// path, where "/" picks the visitor's language.
func (s *Server) alternates(base string) []Alternate {
	out := make([]Alternate, 0, len(i18n.Languages)+1)
	for _, lang := range i18n.Languages {
		out = append(out, Alternate{Lang: lang, URL: s.cfg.BaseURL + localized(lang, base)})
	}
	return append(out, Alternate{Lang: "x-default", URL: s.cfg.BaseURL + base})
}

// indexable tells whether search engines should index a page: the catalogue, seminars, the
// in-house form and the legal pages; booking, manage and waiting-list pages are for one person.
func indexable(base string) bool {
	for _, private := range []string{"/a/", "/b/", "/book/", "/waitlist/", "/angebot/"} {
		if strings.HasPrefix(base, private) {
			return false
		}
	}
	return true
}
