package invoice_test

import (
	"strings"
	"testing"

	"seminars/internal/invoice"
)

func TestSellerWarnings(t *testing.T) {
	cases := []struct {
		name   string
		change func(s *invoice.Seller)
		want   []string // a phrase of each warning expected, in order
	}{
		{"complete seller", func(*invoice.Seller) {}, nil},
		{"no phone: no XRechnung", func(s *invoice.Seller) { s.Phone = "" }, []string{"never XRechnung"}},
		{"address without postal code", func(s *invoice.Seller) { s.PostalCode, s.City = "", "" }, []string{"seller_address"}},
		{"Steuernummer only", func(s *invoice.Seller) { s.VATID = "" }, []string{"reverse charge", "Steuernummer (BT-29)"}},
		{"Steuernummer only but registered", func(s *invoice.Seller) { s.VATID, s.RegistrationID = "", "HRB 1" }, []string{"reverse charge"}},
		{"VAT ID only", func(s *invoice.Seller) { s.TaxNumber = "" }, []string{"outside the EU"}},
		{"no IBAN", func(s *invoice.Seller) { s.IBAN = "" }, []string{"seller_iban"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := testSeller()
			c.change(&s)
			got := s.Warnings()
			if len(got) != len(c.want) {
				t.Fatalf("warnings %q, want %d", got, len(c.want))
			}
			for i, w := range c.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %d %q lacks %q", i, got[i], w)
				}
			}
		})
	}
}
