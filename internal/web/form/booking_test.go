package form

import (
	"net/url"
	"strings"
	"testing"
)

func validBooking() Booking {
	return Booking{
		DateID: 1, PaymentMethod: "invoice", AcceptTerms: true, ConfirmBusiness: true,
		Attendees: []Attendee{{FirstName: "Anna", LastName: "Schmidt", Email: "anna@firma.de"}},
		Billing: Billing{Company: "Firma GmbH", Name: "Max", Email: "max@firma.de", Street: "Weg 1",
			PostalCode: "80331", City: "München", Country: "de", VATID: "de 123 456 789"},
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name      string
		mutate    func(*Booking)
		terms     bool
		wantField string
		wantKey   string
	}{
		{"valid", func(*Booking) {}, true, "", ""},
		{"no date", func(b *Booking) { b.DateID = 0 }, false, "date_id", msgRequired},
		{"no attendees", func(b *Booking) { b.Attendees = nil }, false, "attendees", msgAttendeesMin},
		{"too many attendees", func(b *Booking) { b.Attendees = make([]Attendee, 21) }, false, "attendees", msgAttendeesMax},
		{"blank first name", func(b *Booking) { b.Attendees[0].FirstName = "  " }, false, "attendees[0].first_name", msgRequired},
		{"display-name email", func(b *Booking) { b.Attendees[0].Email = "Anna <anna@firma.de>" }, false, "attendees[0].email", "error.email"},
		{"email without domain dot", func(b *Booking) { b.Attendees[0].Email = "anna@localhost" }, false, "attendees[0].email", "error.email"},
		{"duplicate attendee email ignoring case", func(b *Booking) {
			b.Attendees = append(b.Attendees, Attendee{FirstName: "B", LastName: "C", Email: "ANNA@firma.de"})
		}, false, "attendees[1].email", msgDuplicateEmail},
		{"header injection in a name", func(b *Booking) { b.Billing.Name = "Max\r\nBcc: x@y.z" }, false, "billing.name", "error.line_break"},
		{"overlong company", func(b *Booking) { b.Billing.Company = strings.Repeat("ä", 201) }, false, "billing.company", msgTooLong},
		{"German postal code must have five digits", func(b *Booking) { b.Billing.PostalCode = "8033" }, false, "billing.postal_code", msgPostalCode},
		{"Austrian postal code has four", func(b *Booking) {
			b.Billing.Country, b.Billing.PostalCode, b.Billing.VATID = "AT", "1010", "ATU12345678"
		}, false, "", ""},
		{"country must be a code", func(b *Booking) { b.Billing.Country = "D1" }, false, "billing.country", msgCountry},
		{"VAT ID needs a country prefix", func(b *Booking) { b.Billing.VATID = "123456789" }, false, "billing.vat_id", "error.vat_id"},
		{"German VAT ID has nine digits", func(b *Booking) { b.Billing.VATID = "DE12345678" }, false, "billing.vat_id", "error.vat_id"},
		{"VAT ID of another country", func(b *Booking) { b.Billing.VATID = "ATU12345678" }, false, "billing.vat_id", "error.vat_id_country"},
		{"Swiss UID", func(b *Booking) {
			b.Billing.Country, b.Billing.PostalCode, b.Billing.VATID = "CH", "8001", "CHE-123.456.789 MWST"
		}, false, "", ""},
		{"UK VAT number", func(b *Booking) {
			b.Billing.Country, b.Billing.PostalCode, b.Billing.VATID = "GB", "SW1A 1AA", "GB 123 4567 89"
		}, false, "", ""},
		{"Greek VAT ID starts EL", func(b *Booking) {
			b.Billing.Country, b.Billing.PostalCode, b.Billing.VATID = "GR", "10431", "EL123456789"
		}, false, "", ""},
		{"unknown payment method", func(b *Booking) { b.PaymentMethod = "cash" }, false, "payment_method", msgPaymentMethod},
		{"terms required on the form", func(b *Booking) { b.AcceptTerms = false }, true, "accept_terms", msgTerms},
		{"terms not asked of the API", func(b *Booking) { b.AcceptTerms = false }, false, "", ""},
		{"booking for a business confirmed on the form", func(b *Booking) { b.ConfirmBusiness = false }, true, "confirm_business", msgBusiness},
		{"business not asked of the API", func(b *Booking) { b.ConfirmBusiness = false }, false, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := validBooking()
			tc.mutate(&b)
			errs := b.Validate(20, tc.terms)
			if tc.wantField == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors %v", errs)
				}
				return
			}
			if errs[tc.wantField] != tc.wantKey {
				t.Fatalf("errors %v, want %s=%s", errs, tc.wantField, tc.wantKey)
			}
		})
	}
}

func TestFromValuesDropsBlankExtraRows(t *testing.T) {
	v := url.Values{
		"attendee_count":          {"3"},
		"attendees[0].first_name": {"Anna"},
		"attendees[2].email":      {"c@firma.de"},
	}
	b := FromValues(v, 7)
	if b.DateID != 7 || len(b.Attendees) != 2 || b.Attendees[1].Email != "c@firma.de" {
		t.Fatalf("parsed %+v", b)
	}
}
