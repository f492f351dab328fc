// Package form parses and checks what users send — the booking form and its JSON twin — and
// returns per-field message keys that the web layer translates into the user's language.
package form

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// Attendee is one attendee as typed.
type Attendee struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
}

// Billing is the billing block as typed.
type Billing struct {
	Company    string `json:"company"`
	Name       string `json:"name"`
	Email      string `json:"email"`
	Street     string `json:"street"`
	PostalCode string `json:"postal_code"`
	City       string `json:"city"`
	Country    string `json:"country"`
	VATID      string `json:"vat_id"`
	PONumber   string `json:"po_number"`
	// BuyerReference is the Leitweg-ID of a public buyer (or any order reference) for the e-invoice.
	BuyerReference string `json:"buyer_reference"`
}

// Booking is the booking form and the body of POST /api/v1/bookings.
type Booking struct {
	DateID        uint       `json:"date_id"`
	Attendees     []Attendee `json:"attendees"`
	Billing       Billing    `json:"billing"`
	PaymentMethod string     `json:"payment_method"`
	Voucher       string     `json:"voucher,omitempty"`
	// AcceptTerms is asked on the HTML form; API clients accept the terms by contract.
	AcceptTerms bool `json:"-"`
}

// Message keys; the web layer translates them ("error.required" and so on).
const (
	msgRequired       = "error.required"
	msgTooLong        = "error.too_long"
	msgEmail          = "error.email"
	msgDuplicateEmail = "error.duplicate_email"
	msgCountry        = "error.country"
	msgPostalCode     = "error.postal_code"
	msgPaymentMethod  = "error.payment_method"
	msgAttendeesMin   = "error.attendees_min"
	msgAttendeesMax   = "error.attendees_max"
	msgTerms          = "error.terms"
)

var (
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
	dePostalCode   = regexp.MustCompile(`^[0-9]{5}$`)
	anyPostalCode  = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z \-]{1,9}$`)
)

// Errors maps a field name (as in the form and JSON: "billing.email", "attendees[1].email") to a
// message key.
type Errors map[string]string

// Validate checks the booking's shape. requireTerms is true on the HTML form.
func (b *Booking) Validate(maxAttendees int, requireTerms bool) Errors {
	errs := Errors{}
	if b.DateID == 0 {
		errs["date_id"] = msgRequired
	}
	switch {
	case len(b.Attendees) == 0:
		errs["attendees"] = msgAttendeesMin
	case len(b.Attendees) > maxAttendees:
		errs["attendees"] = msgAttendeesMax
	}
	seen := map[string]int{}
	for i, a := range b.Attendees {
		prefix := fmt.Sprintf("attendees[%d].", i)
		text(errs, prefix+"first_name", a.FirstName, 100, true)
		text(errs, prefix+"last_name", a.LastName, 100, true)
		if email(errs, prefix+"email", a.Email) {
			key := strings.ToLower(strings.TrimSpace(a.Email))
			if _, dup := seen[key]; dup {
				errs[prefix+"email"] = msgDuplicateEmail
			}
			seen[key] = i
		}
	}
	bill := b.Billing
	text(errs, "billing.company", bill.Company, 200, true)
	text(errs, "billing.name", bill.Name, 200, true)
	email(errs, "billing.email", bill.Email)
	text(errs, "billing.street", bill.Street, 200, true)
	text(errs, "billing.city", bill.City, 100, true)
	country := strings.ToUpper(strings.TrimSpace(bill.Country))
	if text(errs, "billing.country", country, 2, true) && !countryPattern.MatchString(country) {
		errs["billing.country"] = msgCountry
	}
	if text(errs, "billing.postal_code", bill.PostalCode, 10, true) {
		pc := strings.TrimSpace(bill.PostalCode)
		if (country == "DE" && !dePostalCode.MatchString(pc)) || !anyPostalCode.MatchString(pc) {
			errs["billing.postal_code"] = msgPostalCode
		}
	}
	if _, err := model.NormalizeVATID(country, bill.VATID); err != nil && errs["billing.country"] == "" {
		errs["billing.vat_id"] = booking.VATIDMessage(err)
	}
	text(errs, "billing.po_number", bill.PONumber, 100, false)
	text(errs, "billing.buyer_reference", bill.BuyerReference, 100, false)
	text(errs, "voucher", b.Voucher, 50, false)
	if b.PaymentMethod != model.PaymentInvoice && b.PaymentMethod != model.PaymentCard {
		errs["payment_method"] = msgPaymentMethod
	}
	if requireTerms && !b.AcceptTerms {
		errs["accept_terms"] = msgTerms
	}
	return errs
}

// text checks a free-text field and reports whether it is present and not too long.
func text(errs Errors, field, value string, max int, required bool) bool {
	v := strings.TrimSpace(value)
	switch {
	case v == "" && required:
		errs[field] = msgRequired
		return false
	case utf8.RuneCountInString(v) > max:
		errs[field] = msgTooLong
		return false
	case strings.ContainsAny(v, "\x00\r\n"):
		errs[field] = msgTooLong
		return false
	}
	return v != ""
}

// email checks an e-mail address field and reports whether it is valid.
func email(errs Errors, field, value string) bool {
	v := strings.TrimSpace(value)
	if v == "" {
		errs[field] = msgRequired
		return false
	}
	addr, err := mail.ParseAddress(v)
	if err != nil || addr.Address != v || len(v) > 254 || !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
		errs[field] = msgEmail
		return false
	}
	return true
}

// Request turns a valid form into the booking use case's input.
func (b *Booking) Request(lang string) booking.Request {
	req := booking.Request{
		DateID:        b.DateID,
		PaymentMethod: b.PaymentMethod,
		Voucher:       b.Voucher,
		Language:      lang,
		Billing: model.Billing{
			Company: b.Billing.Company, Name: b.Billing.Name, Email: b.Billing.Email,
			Street: b.Billing.Street, PostalCode: b.Billing.PostalCode, City: b.Billing.City,
			Country: b.Billing.Country, VATID: b.Billing.VATID, PONumber: b.Billing.PONumber,
			BuyerReference: b.Billing.BuyerReference,
		},
	}
	for _, a := range b.Attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: a.FirstName, LastName: a.LastName, Email: a.Email})
	}
	return req
}

// FromValues reads the HTML booking form. Attendee rows are named attendees[i].first_name etc.;
// count says how many rows the form showed.
func FromValues(v url.Values, dateID uint) Booking {
	b := Booking{
		DateID:        dateID,
		PaymentMethod: v.Get("payment_method"),
		Voucher:       v.Get("voucher"),
		AcceptTerms:   v.Get("accept_terms") != "",
		Billing: Billing{
			Company: v.Get("billing.company"), Name: v.Get("billing.name"), Email: v.Get("billing.email"),
			Street: v.Get("billing.street"), PostalCode: v.Get("billing.postal_code"), City: v.Get("billing.city"),
			Country: v.Get("billing.country"), VATID: v.Get("billing.vat_id"), PONumber: v.Get("billing.po_number"),
			BuyerReference: v.Get("billing.buyer_reference"),
		},
	}
	count, _ := strconv.Atoi(v.Get("attendee_count"))
	count = min(max(count, 1), 100)
	for i := range count {
		prefix := fmt.Sprintf("attendees[%d].", i)
		a := Attendee{FirstName: v.Get(prefix + "first_name"), LastName: v.Get(prefix + "last_name"), Email: v.Get(prefix + "email")}
		if i > 0 && strings.TrimSpace(a.FirstName+a.LastName+a.Email) == "" {
			continue // a row added but left blank is not an attendee
		}
		b.Attendees = append(b.Attendees, a)
	}
	return b
}
