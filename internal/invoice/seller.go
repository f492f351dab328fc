// Package invoice issues and renders the documents a booking produces: invoices and credit notes
// with gap-free numbers per year, their PDF and EN 16931 (UN/CEFACT CII) XML, and certificates of
// attendance. Documents are stored as issued and rendered from that record, never from the
// booking's current state.
package invoice

import (
	"strings"
	"time"

	"seminars/internal/model"
)

// Seller is who issues the documents and the terms they state; the pages and the mail name
// the same seller.
type Seller struct {
	Name       string
	Street     string
	PostalCode string
	City       string
	Country    string // ISO 3166-1 alpha-2
	VATID      string
	TaxNumber  string
	Email      string
	Phone      string
	IBAN       string
	BIC        string
	Bank       string
	// TaxMode is how supplies in Germany are taxed (model.SellerTaxModes; "" = standard).
	TaxMode string
	// RegistrationID and RegistrationScheme identify the seller in e-invoices (BT-29/BT-30).
	RegistrationID     string
	RegistrationScheme string
	// DueDays is how many days after issue an invoice paid by bank transfer is due.
	DueDays int
	// Currency is the ISO 4217 code of every amount (EUR).
	Currency string
	// Location is the zone in which dates are printed (Europe/Berlin); nil means UTC.
	Location *time.Location
}

// Address is the seller's address on one line ("Musterstraße 1, 10115 Berlin"), as the footer
// of pages and mail shows it.
func (s Seller) Address() string {
	town := strings.TrimSpace(s.PostalCode + " " + s.City)
	if town == "" {
		return s.Street
	}
	return s.Street + ", " + town
}

// ParseAddress splits a one-line address "Musterstraße 1, 10115 Berlin" into street, postal
// code and city, as the configuration keeps the seller's address on one line.
func ParseAddress(line string) (street, postalCode, city string) {
	i := strings.LastIndex(line, ",")
	if i < 0 {
		return strings.TrimSpace(line), "", ""
	}
	street = strings.TrimSpace(line[:i])
	rest := strings.TrimSpace(line[i+1:])
	if code, town, ok := strings.Cut(rest, " "); ok && strings.IndexFunc(code, isDigit) == 0 {
		return street, code, strings.TrimSpace(town)
	}
	return street, "", rest
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// party is the seller as frozen on a document.
func (s Seller) party() model.Party {
	country := s.Country
	if country == "" {
		country = "DE"
	}
	return model.Party{
		Name: s.Name, Street: s.Street, PostalCode: s.PostalCode, City: s.City, Country: country,
		VATID: s.VATID, TaxNumber: s.TaxNumber, Email: s.Email, Phone: s.Phone, IBAN: s.IBAN, BIC: s.BIC, Bank: s.Bank,
		RegistrationID: s.RegistrationID, RegistrationScheme: s.RegistrationScheme,
	}
}

// Zone is where the seller's calendar runs (Europe/Berlin): dates on documents and the year of
// their numbers.
func (s Seller) Zone() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// Party is the seller as documents print it, for documents issued outside this package (an
// in-house offer freezes it).
func (s Seller) Party() model.Party { return s.party() }
