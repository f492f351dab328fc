// Package form parses and checks what users send — the booking form and its JSON twin — and
// returns per-field message keys that the web layer translates into the user's language.
package form

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// Attendee is one attendee as typed.
type Attendee struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
	// Answers to the seminar's questions, by question id ("12": "Teamleitung"); the HTML form
	// names them attendees[i].q12. Optional in the API.
	Answers map[string]string `json:"answers,omitempty"`
}

// Answer returns the answer typed for a question.
func (a Attendee) Answer(questionID uint) string {
	return a.Answers[strconv.FormatUint(uint64(questionID), 10)]
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
	// ConfirmBusiness is the booker's confirmation on the HTML form that they book for a company:
	// the service sells to businesses only.
	ConfirmBusiness bool `json:"-"`
}

// Message keys; the web layer translates them ("error.required" and so on).
const (
	msgRequired       = "error.required"
	msgTooLong        = "error.too_long"
	msgDuplicateEmail = "error.duplicate_email"
	msgCountry        = "error.country"
	msgPostalCode     = "error.postal_code"
	msgPaymentMethod  = "error.payment_method"
	msgAttendeesMin   = "error.attendees_min"
	msgAttendeesMax   = "error.attendees_max"
	msgTerms          = "error.terms"
	msgBusiness       = "error.business"
)

var (
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
	dePostalCode   = regexp.MustCompile(`^[0-9]{5}$`)
	anyPostalCode  = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z \-]{1,9}$`)
)

// Errors maps a field name (as in the form and JSON: "billing.email", "attendees[1].email") to a
// message key.
type Errors map[string]string

// Validate checks the booking's shape and normalises what it keeps (the text rule of
// model.Line: NFC, trimmed). requireTerms is true on the HTML form, which asks for the terms and
// the confirmation of booking for a business.
func (b *Booking) Validate(maxAttendees int, requireTerms bool) Errors {
	errs := Errors{}
	if b.DateID == 0 {
		errs["date_id"] = msgRequired
	} else if _, err := model.CheckID("date_id", uint64(b.DateID)); err != nil {
		record(errs, err)
	}
	switch {
	case len(b.Attendees) == 0:
		errs["attendees"] = msgAttendeesMin
	case len(b.Attendees) > maxAttendees:
		errs["attendees"] = msgAttendeesMax
	}
	seen := map[string]int{}
	for i := range b.Attendees {
		a := &b.Attendees[i]
		prefix := fmt.Sprintf("attendees[%d].", i)
		name(errs, prefix+"first_name", &a.FirstName, model.MaxPersonNameLen)
		name(errs, prefix+"last_name", &a.LastName, model.MaxPersonNameLen)
		if email(errs, prefix+"email", &a.Email) {
			key := strings.ToLower(a.Email)
			if _, dup := seen[key]; dup {
				errs[prefix+"email"] = msgDuplicateEmail
			}
			seen[key] = i
		}
	}
	b.validateBilling(errs)
	line(errs, "voucher", &b.Voucher, model.MaxVoucherCodeLen, false)
	if b.PaymentMethod != model.PaymentInvoice && b.PaymentMethod != model.PaymentCard {
		errs["payment_method"] = msgPaymentMethod
	}
	if requireTerms && !b.AcceptTerms {
		errs["accept_terms"] = msgTerms
	}
	if requireTerms && !b.ConfirmBusiness {
		errs["confirm_business"] = msgBusiness
	}
	return errs
}

func (b *Booking) validateBilling(errs Errors) { b.Billing.validate(errs) }

// Validate checks a billing block on its own (the back office's billing edit) with the rules of
// the booking form, and normalises what it keeps.
func (bill *Billing) Validate() Errors {
	errs := Errors{}
	bill.validate(errs)
	return errs
}

// Model is the billing block as the booking use cases take it.
func (bill Billing) Model() model.Billing {
	return model.Billing{
		Company: bill.Company, Name: bill.Name, Email: bill.Email,
		Street: bill.Street, PostalCode: bill.PostalCode, City: bill.City,
		Country: bill.Country, VATID: bill.VATID, PONumber: bill.PONumber,
		BuyerReference: bill.BuyerReference,
	}
}

// BillingFromValues reads a billing block of an HTML form (fields billing.company etc.).
func BillingFromValues(v url.Values) Billing {
	return Billing{
		Company: v.Get("billing.company"), Name: v.Get("billing.name"), Email: v.Get("billing.email"),
		Street: v.Get("billing.street"), PostalCode: v.Get("billing.postal_code"), City: v.Get("billing.city"),
		Country: v.Get("billing.country"), VATID: v.Get("billing.vat_id"), PONumber: v.Get("billing.po_number"),
		BuyerReference: v.Get("billing.buyer_reference"),
	}
}

func (bill *Billing) validate(errs Errors) {
	line(errs, "billing.company", &bill.Company, model.MaxCompanyLen, true)
	name(errs, "billing.name", &bill.Name, model.MaxFullNameLen)
	email(errs, "billing.email", &bill.Email)
	line(errs, "billing.street", &bill.Street, model.MaxStreetLen, true)
	line(errs, "billing.city", &bill.City, model.MaxCityLen, true)
	country := bill.Country
	if line(errs, "billing.country", &country, model.MaxCountryLen, true) {
		if country = strings.ToUpper(country); !countryPattern.MatchString(country) {
			errs["billing.country"] = msgCountry
		}
	}
	if line(errs, "billing.postal_code", &bill.PostalCode, model.MaxPostalCodeLen, true) {
		pc := bill.PostalCode
		if (country == "DE" && !dePostalCode.MatchString(pc)) || !anyPostalCode.MatchString(pc) {
			errs["billing.postal_code"] = msgPostalCode
		}
	}
	if line(errs, "billing.vat_id", &bill.VATID, model.MaxVATIDLen, false) {
		if _, err := model.NormalizeVATID(country, bill.VATID); err != nil && errs["billing.country"] == "" {
			errs["billing.vat_id"] = booking.VATIDMessage(err)
		}
	}
	line(errs, "billing.po_number", &bill.PONumber, model.MaxPONumberLen, false)
	line(errs, "billing.buyer_reference", &bill.BuyerReference, model.MaxBuyerReferenceLen, false)
}

// Request turns a valid form into the booking use case's input.
func (b *Booking) Request(lang string) booking.Request {
	req := booking.Request{
		DateID:        b.DateID,
		PaymentMethod: b.PaymentMethod,
		Voucher:       b.Voucher,
		Language:      lang,
		Billing:       b.Billing.Model(),
	}
	for _, a := range b.Attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: a.FirstName, LastName: a.LastName,
			Email: a.Email, Answers: answersOf(a.Answers)})
	}
	return req
}

// FromValues reads the HTML booking form. Attendee rows are named attendees[i].first_name etc.;
// count says how many rows the form showed.
func FromValues(v url.Values, dateID uint) Booking { return fromValues(v, dateID, false) }

// DraftFromValues reads the booking form as it stands, blank rows included: re-rendering the form
// ("+ Weitere Person", "remove", the language switch) must show every row the booker has, or a
// second "add" with the new row still blank would drop that row and add it again, adding nothing.
func DraftFromValues(v url.Values, dateID uint) Booking { return fromValues(v, dateID, true) }

func fromValues(v url.Values, dateID uint, keepBlank bool) Booking {
	b := Booking{
		DateID:          dateID,
		PaymentMethod:   v.Get("payment_method"),
		Voucher:         v.Get("voucher"),
		AcceptTerms:     v.Get("accept_terms") != "",
		ConfirmBusiness: v.Get("confirm_business") != "",
		Billing:         BillingFromValues(v),
	}
	count, _ := strconv.Atoi(v.Get("attendee_count"))
	count = min(max(count, 1), 100)
	for i := range count {
		prefix := fmt.Sprintf("attendees[%d].", i)
		a := Attendee{FirstName: v.Get(prefix + "first_name"), LastName: v.Get(prefix + "last_name"), Email: v.Get(prefix + "email"),
			Answers: answerValues(v, prefix)}
		if !keepBlank && i > 0 && strings.TrimSpace(a.FirstName+a.LastName+a.Email) == "" {
			continue // a row added but left blank is not an attendee
		}
		b.Attendees = append(b.Attendees, a)
	}
	return b
}
