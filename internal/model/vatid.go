package model

import (
	"errors"
	"regexp"
	"strings"
)

// VAT ID errors; the booking form turns them into messages on the VAT ID field.
var (
	// ErrVATIDSyntax says a VAT ID does not have the shape its country gives them.
	ErrVATIDSyntax = errors.New("VAT ID has the wrong shape")
	// ErrVATIDCountry says a VAT ID's prefix is not the billing country's (Greece uses EL).
	ErrVATIDCountry = errors.New("VAT ID prefix does not match the billing country")
)

// vatIDShapes is the syntax of each country's VAT ID after its prefix, as the EU's VIES service
// and the national tax offices publish them. Only the syntax is checked here: whether a number
// was issued (a VIES query) is a later step.
var vatIDShapes = map[string]*regexp.Regexp{
	"AT": regexp.MustCompile(`^U[0-9]{8}$`),
	"BE": regexp.MustCompile(`^[01][0-9]{9}$`),
	"BG": regexp.MustCompile(`^[0-9]{9,10}$`),
	"CY": regexp.MustCompile(`^[0-9]{8}[A-Z]$`),
	"CZ": regexp.MustCompile(`^[0-9]{8,10}$`),
	"DE": regexp.MustCompile(`^[0-9]{9}$`),
	"DK": regexp.MustCompile(`^[0-9]{8}$`),
	"EE": regexp.MustCompile(`^[0-9]{9}$`),
	"EL": regexp.MustCompile(`^[0-9]{9}$`),
	"ES": regexp.MustCompile(`^[0-9A-Z][0-9]{7}[0-9A-Z]$`),
	"FI": regexp.MustCompile(`^[0-9]{8}$`),
	"FR": regexp.MustCompile(`^[0-9A-HJ-NP-Z]{2}[0-9]{9}$`),
	"HR": regexp.MustCompile(`^[0-9]{11}$`),
	"HU": regexp.MustCompile(`^[0-9]{8}$`),
	"IE": regexp.MustCompile(`^([0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W])$`),
	"IT": regexp.MustCompile(`^[0-9]{11}$`),
	"LT": regexp.MustCompile(`^([0-9]{9}|[0-9]{12})$`),
	"LU": regexp.MustCompile(`^[0-9]{8}$`),
	"LV": regexp.MustCompile(`^[0-9]{11}$`),
	"MT": regexp.MustCompile(`^[0-9]{8}$`),
	"NL": regexp.MustCompile(`^[0-9]{9}B[0-9]{2}$`),
	"PL": regexp.MustCompile(`^[0-9]{10}$`),
	"PT": regexp.MustCompile(`^[0-9]{9}$`),
	"RO": regexp.MustCompile(`^[1-9][0-9]{1,9}$`),
	"SE": regexp.MustCompile(`^[0-9]{10}01$`),
	"SI": regexp.MustCompile(`^[0-9]{8}$`),
	"SK": regexp.MustCompile(`^[0-9]{10}$`),
	// Outside the EU: the Swiss UID (CHE-123.456.789, with MWST/TVA/IVA for VAT), the UK VAT
	// number (9 or 12 digits, GD/HA for government bodies and health authorities), Norway's MVA.
	"CH": regexp.MustCompile(`^E[0-9]{9}$`),
	"GB": regexp.MustCompile(`^([0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})$`),
	"NO": regexp.MustCompile(`^[0-9]{9}(MVA)?$`),
}

// otherTaxID is the shape accepted for countries without an entry above: the country's code and
// 2 to 15 letters or digits.
var otherTaxID = regexp.MustCompile(`^[0-9A-Z]{2,15}$`)

// vatPrefix is the prefix a country's VAT IDs start with: the ISO code except Greece (EL) and
// Switzerland, whose UID starts CHE.
func vatPrefix(country string) string {
	switch country {
	case "GR":
		return "EL"
	case "CH":
		return "CH" // followed by E and nine digits
	}
	return country
}

// NormalizeVATID checks a VAT ID typed for a billing country (ISO 3166-1 alpha-2) and returns it
// in the form printed on documents: upper case without spaces, dots or dashes ("ATU12345678"),
// except the Swiss UID, which keeps its official form "CHE-123.456.789" (a MWST/TVA/IVA suffix is
// dropped). An empty input gives "" and no error. The error wraps ErrVATIDSyntax or
// ErrVATIDCountry.
func NormalizeVATID(country, raw string) (string, error) {
	country = strings.ToUpper(strings.TrimSpace(country))
	compact := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '\u00a0', '\t':
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(raw)))
	if compact == "" {
		return "", nil
	}
	if country == "CH" {
		for _, suffix := range []string{"MWST", "TVA", "IVA"} {
			compact = strings.TrimSuffix(compact, suffix)
		}
	}
	if len(compact) < 4 || !isUpperLetters(compact[:2]) {
		return "", ErrVATIDSyntax
	}
	prefix := vatPrefix(country)
	if compact[:2] != prefix {
		return "", ErrVATIDCountry
	}
	body := compact[2:]
	shape, ok := vatIDShapes[prefix]
	if !ok {
		shape = otherTaxID
	}
	if !shape.MatchString(body) {
		return "", ErrVATIDSyntax
	}
	if country == "CH" {
		d := body[1:]
		return "CHE-" + d[0:3] + "." + d[3:6] + "." + d[6:9], nil
	}
	return compact, nil
}

func isUpperLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
