package mail

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"strings"
	texttemplate "text/template"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/model"
)

// Template files every message is rendered from; both must exist or the service does not boot.
const (
	templateHTML = "templates/email/message.html"
	templateText = "templates/email/message.txt"
)

// Templates are the e-mail templates, parsed once at start-up.
type Templates struct {
	html *htmltemplate.Template
	text *texttemplate.Template
}

// ParseTemplates parses the e-mail templates from files (the embedded repository files).
func ParseTemplates(files fs.FS) (*Templates, error) {
	funcs := map[string]any{"paras": paragraphs}
	h, err := htmltemplate.New("message.html").Funcs(funcs).ParseFS(files, templateHTML)
	if err != nil {
		return nil, fmt.Errorf("mail templates: %w", err)
	}
	t, err := texttemplate.New("message.txt").Funcs(funcs).ParseFS(files, templateText)
	if err != nil {
		return nil, fmt.Errorf("mail templates: %w", err)
	}
	return &Templates{html: h, text: t}, nil
}

// view is what the templates receive. Sections whose fields are empty are left out, so one pair
// of templates serves every kind of message; the words come from the locale files
// (mail.<kind>.subject and mail.<kind>.intro).
type view struct {
	T         *i18n.Translator
	Kind      string
	Subject   string
	Greeting  string
	Intro     string
	Reference string
	Seminar   string
	When      string
	Zone      string
	Online    bool
	Venue     string
	Address   string
	// Place is what the venue record adds: room, directions, accessibility, map link.
	Place *model.Venue
	// Trainers names who runs the date ("Jana Berger, Tom Kraus"), TrainersLabel says it in the
	// reader's language, singular or plural; empty when the date names nobody.
	Trainers, TrainersLabel string
	// Location is the place as one line, for the calendar invite's LOCATION.
	Location  string
	OnlineURL string
	Prepare   string
	Attendees []Address
	Totals    *totalsView
	Payment   string // payment instructions, already worded
	ManageURL string
	// TermsURL links the terms of participation the booking was made under (the confirmation
	// carries them), TermsVersion names their version.
	TermsURL string
	// CancellationPolicy states the cancellation policy in words (the booking confirmation).
	CancellationPolicy string
	TermsVersion       string
	// PrivacyNote and PrivacyURL tell an attendee, in their first mail, where their data came
	// from and where the privacy notice is.
	PrivacyNote string
	PrivacyURL  string
	// ManageHint says that the manage link is in an earlier mail, when this one cannot carry it.
	ManageHint  bool
	ActionURL   string
	ActionLabel string
	HasInvite   bool
	Seller      invoice.Seller
	// Pass is the attendee's page link, check-in code and inline QR code (attendee mails that
	// carry it, see passKinds).
	Pass *passView
	// MaterialsURL links the seminar's materials on the attendee's page (materialsKinds).
	MaterialsURL string
}

// totalsView are a booking's amounts, formatted.
type totalsView struct {
	Net, VAT, Gross, Rate string
}

// render fills both templates.
func (tp *Templates) render(v view) (text, html string, err error) {
	var hb, tb bytes.Buffer
	if err := tp.html.Execute(&hb, v); err != nil {
		return "", "", fmt.Errorf("render %s html: %w", v.Kind, err)
	}
	if err := tp.text.Execute(&tb, v); err != nil {
		return "", "", fmt.Errorf("render %s text: %w", v.Kind, err)
	}
	return tb.String(), hb.String(), nil
}

// paragraphs splits plain text at blank lines, so stored text keeps its paragraphs in HTML
// without being allowed to carry markup.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
