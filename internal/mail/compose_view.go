package mail

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/secret"
)

// composer renders messages: it knows the templates, the words and the settings.
type composer struct {
	tpl  *Templates
	i18n *i18n.Catalog
	s    Settings
	docs *invoice.Renderer // renders the invoice attached to a confirmation
	keys *secret.Keyring   // derives the attendees' page links and check-in codes
}

// outgoing is one message of an event with the unique key of its mail.send item.
type outgoing struct {
	key string
	msg Message
}

// invite says whether a message carries a calendar invite, and which.
type invite int

const (
	noInvite invite = iota
	inviteRequest
	inviteCancel
)

// letter is what differs between messages: who gets it, what kind it is, what it says about.
type letter struct {
	kind     string
	lang     string
	to       Address
	booking  *model.Booking
	date     *model.SeminarDate
	extra    map[string]string // values for the intro (OldName, Deadline…)
	invite   invite
	uid      string
	token    string // manage token, billing messages only
	action   string // URL of the call to action
	key      string
	now      time.Time
	withBill bool // show attendees, totals and payment (billing contact)
	// payment, when set, replaces the totals and payment instructions: what a cancellation
	// means for the money (settle).
	payment   string
	documents []DocumentRef // issued files to attach, loaded when the message is sent
	pass      *passView     // the attendee's page link and check-in code (attendeePass)
	// materials is the link to the materials on the attendee's page, whose secret is
	// materialsToken (attendeePass).
	materials, materialsToken string
	// secret says the action link holds a secret (a password reset): the whole body is removed
	// from the database once delivered — it is no business letter worth keeping.
	secret bool
	// redact are further secrets in the body (an offer's accept link, an in-house booking key):
	// replaced by a marker once the message is delivered, as the manage link is.
	redact []string
}

// build renders a letter into a stored message.
func (c composer) build(l letter) (outgoing, error) {
	t := c.i18n.For(l.lang)
	v := view{T: t, Kind: l.kind, Seller: c.s.Seller, Greeting: t.T("mail.greeting", "Name", l.to.Name), ActionURL: l.action}
	if l.to.Name == "" {
		v.Greeting = t.T("mail.greeting_plain")
	}
	args := []any{"Name", l.to.Name}
	if l.booking != nil {
		v.Reference = l.booking.Reference
		args = append(args, "Reference", l.booking.Reference)
	}
	if l.date != nil {
		c.describeDate(&v, t, *l.date)
		args = append(args, "Seminar", v.Seminar, "When", v.When)
	}
	for k, val := range l.extra {
		args = append(args, k, val)
	}
	if l.withBill && l.booking != nil {
		c.describeBill(&v, t, *l.booking, l.token)
		v.Prepare = "" // the attendees are told what to prepare in their own mails
	}
	if l.payment != "" { // the booking's full amount is no longer what counts
		v.Totals, v.Payment = nil, l.payment
	}
	if l.action != "" {
		v.ActionLabel = t.T("mail." + l.kind + ".action")
	}
	if l.kind == "attendee_confirmed" && l.booking != nil {
		// An attendee's first mail: their data came from the booker, so Art. 14 GDPR asks us to
		// say so and where the privacy notice is.
		v.PrivacyNote = t.T("mail.attendee_privacy", "Company", l.booking.Billing.Company)
		v.PrivacyURL = c.s.BaseURL + languagePrefix(t.Lang) + "/datenschutz"
	}
	v.Pass, v.MaterialsURL = l.pass, l.materials
	v.Subject = t.T("mail."+l.kind+".subject", args...)
	v.Intro = t.T("mail."+l.kind+".intro", args...)
	msg := Message{
		MessageID: messageID(l.key, c.s.host()), Date: l.now.UTC(), From: c.s.From, To: l.to,
		Subject: v.Subject, Lang: t.Lang, Kind: l.kind, Secret: v.ManageURL != "" || l.secret || v.Pass != nil || l.materials != "", Documents: l.documents,
	}
	if !l.secret { // a password reset keeps no body at all, so it needs no list
		if v.ManageURL != "" {
			msg.Redact = append(msg.Redact, l.token)
		}
		if v.Pass != nil {
			msg.Redact = append(msg.Redact, v.Pass.token, v.Pass.Code)
		}
		if l.materials != "" {
			msg.Redact = append(msg.Redact, l.materialsToken)
		}
	}
	if len(l.redact) > 0 {
		msg.Secret, msg.Redact = true, append(msg.Redact, l.redact...)
	}
	if l.invite != noInvite && l.date != nil {
		inv, err := c.invite(l, v)
		if err != nil {
			return outgoing{}, err
		}
		msg.Invite, v.HasInvite = inv, true
	}
	text, html, err := c.tpl.render(v)
	if err != nil {
		return outgoing{}, err
	}
	msg.Text, msg.HTML = text, html
	return outgoing{key: l.key, msg: msg}, nil
}

// describeDate fills what, when and where, in the reader's language and the display zone.
func (c composer) describeDate(v *view, t *i18n.Translator, d model.SeminarDate) {
	if d.Seminar != nil {
		v.Seminar = d.Seminar.Title(t.Lang)
		if v.Kind != "attendee_date_cancelled" && v.Kind != "attendee_booking_cancelled" {
			v.Prepare = d.Seminar.Prepare(t.Lang)
		}
	}
	v.When = t.DateRange(d.StartsAt.In(c.s.Location), d.EndsAt.In(c.s.Location))
	v.Zone = t.Zone(c.s.Location, d.StartsAt)
	if len(d.Trainers) > 0 {
		names := make([]string, len(d.Trainers))
		for i, tr := range d.Trainers {
			names[i] = tr.Name
		}
		v.Trainers, v.TrainersLabel = strings.Join(names, ", "), t.T("mail.label.trainer")
		if len(names) > 1 {
			v.TrainersLabel = t.T("mail.label.trainers")
		}
	}
	v.Online = d.Format == model.FormatOnline
	if v.Online {
		v.OnlineURL = d.OnlineURL
		return
	}
	v.Venue, v.Address = d.Venue, d.Address
	if v.Address == "" {
		v.Address = d.City
	}
	v.Place = d.VenueRecord
	v.Location = d.Place()
}

// describeBill adds what only the billing contact reads: attendees, amounts, how to pay, the link.
func (c composer) describeBill(v *view, t *i18n.Translator, b model.Booking, token string) {
	for _, a := range b.Attendees {
		v.Attendees = append(v.Attendees, Address{Name: a.FullName(), Email: a.Email})
	}
	v.Totals = &totalsView{
		Net: t.Money(b.NetCents), VAT: t.Money(b.VATCents), Gross: t.Money(b.GrossCents),
		Rate: strconv.FormatFloat(float64(b.VATRateBP)/100, 'f', -1, 64),
	}
	if v.Kind == billingKind(model.EventBookingConfirmed) && b.PaymentMethod == model.PaymentInvoice && b.PaymentStatus == model.PaymentUnpaid {
		from := b.CreatedAt
		if b.ConfirmedAt != nil {
			from = *b.ConfirmedAt
		}
		due := from.In(c.s.Location).AddDate(0, 0, c.s.InvoiceDueDays)
		v.Payment = t.T("mail.payment_invoice", "Amount", t.Money(b.GrossCents), "Days", c.s.InvoiceDueDays,
			"Due", t.Date(due), "Reference", b.Reference)
	}
	if v.Kind == billingKind(model.EventBookingConfirmed) {
		v.TermsURL = c.s.BaseURL + languagePrefix(t.Lang) + "/teilnahmebedingungen"
		v.TermsVersion = b.TermsVersion
		v.CancellationPolicy = t.CancellationPolicy(c.s.Cancellation)
	}
	if token != "" {
		v.ManageURL = c.s.BaseURL + languagePrefix(t.Lang) + "/b/" + b.Reference + "?t=" + token
	} else {
		v.ManageHint = true
	}
}

// languagePrefix starts the path of a public page in lang: English pages live under /en/.
func languagePrefix(lang string) string {
	if lang == "en" {
		return "/en"
	}
	return ""
}

// inLanguage turns a link to one of the site's German pages into its twin in lang.
func (s Settings) inLanguage(link, lang string) string {
	rest, ok := strings.CutPrefix(link, s.BaseURL+"/")
	if !ok || lang != "en" || strings.HasPrefix(rest, "en/") {
		return link
	}
	return s.BaseURL + "/en/" + rest
}

// invite builds the calendar object of a letter.
func (c composer) invite(l letter, v view) (*Invite, error) {
	location := v.OnlineURL
	if !v.Online {
		location = v.Location
	}
	return buildInvite(inviteInput{
		UID: l.uid, Cancel: l.invite == inviteCancel, Date: *l.date, Title: v.Seminar,
		Description: joinNonEmpty("\n\n", v.OnlineURL, v.Prepare, v.T.T("mail.label.reference")+": "+v.Reference), Location: location, Attendee: l.to,
		Organizer: Address{Name: c.s.Seller.Name, Email: c.s.Seller.Email}, Stamp: l.now,
	})
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// formatDeadline shows an RFC 3339 time from an event in the reader's language and zone.
func (c composer) formatDeadline(lang, raw string) string {
	at, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		return raw
	}
	return c.formatTime(lang, at)
}

// formatTime shows a moment as day and time in the reader's language and the display zone.
func (c composer) formatTime(lang string, at time.Time) string {
	t := c.i18n.For(lang)
	local := at.In(c.s.Location)
	return fmt.Sprintf("%s, %s", t.Date(local), t.Time(local))
}
