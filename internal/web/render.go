package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/model"
)

// Pages the handlers render. Each is parsed once at start-up with the layout and partials, so a
// page missing from templates/ stops the service from booting rather than failing a request.
const (
	pageCatalogue     = "pages/catalogue.html"
	pageSeminar       = "pages/seminar.html"
	pageBookingForm   = "pages/booking_form.html"
	pageBookingShow   = "pages/booking_show.html"
	pageError         = "pages/error.html"
	pageBookingReturn = "pages/booking_return.html"
	pageBookingCancel = "pages/booking_cancel.html"
	pageCompetence    = "pages/competence_check.html"
	pageLegal         = "pages/legal.html"
	pageAttendee      = "pages/attendee.html"
	pageFeedback      = "pages/feedback.html"
)

var pageNames = append([]string{pageCatalogue, pageSeminar, pageBookingForm, pageBookingShow, pageError,
	pageBookingReturn, pageBookingCancel, pageCompetence, pageLegal, pageAttendee, pageFeedback}, append(adminPageNames, offerPageNames...)...)

// Views holds the page templates. Every page is parsed and checked at start-up, so a page missing
// from templates/ or one that does not parse stops the service from booting; the parsed page is
// then dropped and parsed again when it is first rendered, and kept from then on. The parse trees
// of all pages are most of an idle server's heap (6.5 of 9.3 MB) and most pages — the back
// office's above all — are rarely or never rendered by a given process.
type Views struct {
	pages map[string]func() (*template.Template, error)
}

// NewViews parses every page in pageNames together with templates/layouts and the partials of
// templates/partials that it uses (partialsFor).
func NewViews(files fs.FS, extraPages ...string) (*Views, error) {
	v := &Views{pages: map[string]func() (*template.Template, error){}}
	funcs := templateFuncs()
	partials, err := indexPartials(files, funcs)
	if err != nil {
		return nil, err
	}
	for _, name := range append(append([]string{}, pageNames...), extraPages...) {
		needed, err := partials.partialsFor(files, funcs, "templates/"+name)
		if err != nil {
			return nil, err
		}
		parse := func() (*template.Template, error) { return parsePage(files, funcs, name, needed) }
		if _, err := parse(); err != nil {
			return nil, err
		}
		v.pages[name] = sync.OnceValues(parse)
	}
	return v, nil
}

// parsePage parses the page name with the layouts and the partials it needs.
func parsePage(files fs.FS, funcs template.FuncMap, name string, partials []string) (*template.Template, error) {
	t, err := template.New(name).Funcs(funcs).ParseFS(files, append(append([]string{layoutsGlob}, partials...), "templates/"+name)...)
	if err != nil {
		return nil, fmt.Errorf("templates: %s: %w", name, err)
	}
	if t.Lookup("content") == nil {
		return nil, fmt.Errorf("templates: %s defines no \"content\"", name)
	}
	return t, nil
}

// page returns the parsed page name, parsing it on its first use.
func (v *Views) page(name string) (*template.Template, error) {
	parse, ok := v.pages[name]
	if !ok {
		return nil, fmt.Errorf("render: page %s was not registered", name)
	}
	return parse()
}

// templateFuncs are the functions every template may call.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"add": func(a, b int) int { return a + b },
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
		"join":   strings.Join,
		"lower":  strings.ToLower,
		"paras":  paragraphs,
		"query":  url.QueryEscape,
		"fields": func(i int, name string) string { return fmt.Sprintf("attendees[%d].%s", i, name) },
		"idOf":   fieldID,
		"dict":   dict,
		"div100": func(bp int) int { return bp / 100 },
		"neg":    func(n int64) int64 { return -n },
		"add64":  func(a, b int64) int64 { return a + b },
	}
}

// dict builds a map from key/value pairs, to pass several values to a partial.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		m[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return m, nil
}

// paragraphs splits plain text at blank lines, so descriptions keep their paragraphs without
// letting stored text carry HTML.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Page is what every page template receives: the data every page needs, plus Data for the page.
type Page struct {
	T      *i18n.Translator
	Lang   string
	CSRF   string
	Path   string
	Title  string
	Seller invoice.Seller // who sells, shown in the footer
	Loc    *time.Location
	Data   any
	Errors map[string]string // translated messages by field name
	Status int
	Stripe bool
	// CancellationPolicy is the one cancellation policy in words, in the page's language.
	CancellationPolicy string
	Admin              bool
	AdminNav           string
	Staff              *model.StaffUser // the signed-in staff user on back-office pages

	// Description is the page's <meta name="description">.
	Description string
	// Public is set on public pages: they carry canonical, hreflang alternates and the legal links.
	Public     bool
	Canonical  string      // absolute URL of this page in its language, without the query
	Alternates []Alternate // the page in every language, and x-default
	// Noindex keeps private or transactional pages (manage links, forms) out of search engines.
	Noindex bool
	// SwitchURL is the language switch's link; on a form page SwitchForm names the form and
	// SwitchAction is where its switch button posts what was typed.
	SwitchURL    string
	SwitchForm   string
	SwitchAction string
}

// Href returns a site path in the page's language: "/seminars/x" is "/en/seminars/x" on English
// pages. Templates write every public link through it.
func (p Page) Href(path string) string { return localized(p.Lang, path) }

// Local returns t in the display time zone.
func (p Page) Local(t time.Time) time.Time { return t.In(p.Loc) }

// When formats a date's start and end in the display zone.
func (p Page) When(start, end time.Time) string { return p.T.DateRange(start.In(p.Loc), end.In(p.Loc)) }

// Err returns the message for a field, or "".
func (p Page) Err(field string) string { return p.Errors[field] }

// OtherLang is the language the switch offers.
func (p Page) OtherLang() string {
	if p.Lang == "en" {
		return "de"
	}
	return "en"
}

// render writes a page with the status given.
func (s *Server) render(c echo.Context, status int, name, title string, data any, errs map[string]string) error {
	body, err := s.renderBytes(c, status, name, title, data, errs)
	if err != nil {
		return err
	}
	return c.HTMLBlob(status, body)
}

// renderBytes renders a page as render does, without writing it (for the page cache).
func (s *Server) renderBytes(c echo.Context, status int, name, title string, data any, errs map[string]string) ([]byte, error) {
	t, err := s.views.page(name)
	if err != nil {
		return nil, err
	}
	page := s.page(c, title, data)
	page.Errors = errs
	page.Status = status
	page.Description = s.describe(page.T, name, data)
	if f, ok := data.(switchFormer); ok {
		page.SwitchForm = f.SwitchForm()
	}
	if status >= http.StatusBadRequest && status != http.StatusUnprocessableEntity && status != http.StatusConflict {
		page.Canonical, page.Alternates, page.Noindex = "", nil, true // an error page is no page's version
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", page); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// page fills what every page needs, in one place.
func (s *Server) page(c echo.Context, title string, data any) Page {
	lang := language(c)
	csrf, _ := c.Get(csrfContextKey).(string)
	p := Page{
		T: s.i18n.For(lang), Lang: lang, CSRF: csrf, Path: c.Request().URL.RequestURI(),
		Title: title, Loc: s.cfg.Location, Data: data, Stripe: s.bookings.PaymentsEnabled(),
		Seller: s.seller,
	}
	p.CancellationPolicy = p.T.CancellationPolicy(s.bookings.Settings().Cancellation)
	if u, ok := staff(c); ok {
		p.Staff, p.Admin, p.AdminNav = &u, true, adminSection(c.Request().URL.Path)
	}
	s.addFindability(c, &p)
	return p
}

// translate turns form message keys into the user's language.
func (s *Server) translate(c echo.Context, keys map[string]string) map[string]string {
	t := s.i18n.For(language(c))
	out := make(map[string]string, len(keys))
	for field, key := range keys {
		out[field] = t.T(key)
	}
	return out
}

// redirect answers a POST with 303 See Other, so reloading the next page does not post again.
func redirect(c echo.Context, to string) error { return c.Redirect(http.StatusSeeOther, to) }
