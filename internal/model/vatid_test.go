package model

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeVATID(t *testing.T) {
	cases := []struct {
		name    string
		country string
		raw     string
		want    string
		err     error
	}{
		{"empty is no VAT ID", "DE", "  ", "", nil},
		{"German with spaces", "de", "de 123 456 789", "DE123456789", nil},
		{"German too short", "DE", "DE12345678", "", ErrVATIDSyntax},
		{"Austrian", "AT", "ATU12345678", "ATU12345678", nil},
		{"Austrian without U", "AT", "AT12345678", "", ErrVATIDSyntax},
		{"Greek uses EL", "GR", "EL123456789", "EL123456789", nil},
		{"Greek with GR prefix refused", "GR", "GR123456789", "", ErrVATIDCountry},
		{"prefix of another country", "DE", "ATU12345678", "", ErrVATIDCountry},
		{"Dutch", "NL", "NL123456789B01", "NL123456789B01", nil},
		{"French with letters", "FR", "FR XX 123456789", "FRXX123456789", nil},
		{"Irish old form", "IE", "IE1A23456B", "IE1A23456B", nil},
		{"Swiss UID in official form", "CH", "CHE-123.456.789", "CHE-123.456.789", nil},
		{"Swiss UID with MWST", "CH", "CHE-123.456.789 MWST", "CHE-123.456.789", nil},
		{"Swiss UID compact", "ch", "che123456789", "CHE-123.456.789", nil},
		{"Swiss UID too short", "CH", "CHE-123.456.78", "", ErrVATIDSyntax},
		{"UK 9 digits", "GB", "GB 123 4567 89", "GB123456789", nil},
		{"UK 12 digits", "GB", "GB123456789012", "GB123456789012", nil},
		{"UK government department", "GB", "GBGD001", "GBGD001", nil},
		{"UK letters refused", "GB", "GBABCDEFGHI", "", ErrVATIDSyntax},
		{"Norwegian with MVA", "NO", "NO123456789MVA", "NO123456789MVA", nil},
		{"country without a table entry", "US", "US12-3456789", "US123456789", nil},
		{"digits only", "DE", "123456789", "", ErrVATIDSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := NormalizeVATID(c.country, c.raw)
			if !errors.Is(err, c.err) || got != c.want {
				t.Fatalf("NormalizeVATID(%q, %q) = %q, %v; want %q, %v", c.country, c.raw, got, err, c.want, c.err)
			}
		})
	}
}

// FuzzNormalizeVATID: any input gives an error or a VAT ID that normalises to itself, starts
// with the country's prefix and has no spaces, dots or dashes (except the Swiss UID's form).
func FuzzNormalizeVATID(f *testing.F) {
	for _, seed := range [][2]string{
		{"DE", "DE 123 456 789"}, {"AT", "ATU12345678"}, {"CH", "CHE-123.456.789 MWST"}, {"GR", "EL123456789"},
		{"GB", "GBGD001"}, {"US", "US12-3456789"}, {"ch", "che"}, {"", ""}, {"DE", "DE\u00a0123"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, country, raw string) {
		got, err := NormalizeVATID(country, raw)
		if err != nil || got == "" {
			return
		}
		again, err := NormalizeVATID(country, got)
		if err != nil || again != got {
			t.Fatalf("NormalizeVATID(%q, %q) = %q, which normalises to %q, %v", country, raw, got, again, err)
		}
		if strings.ContainsAny(strings.TrimPrefix(got, "CHE-"), " -") {
			t.Fatalf("NormalizeVATID(%q, %q) = %q keeps separators", country, raw, got)
		}
	})
}
