package invoice_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// ciiReadBack is what TestEInvoiceXMLAnyText reads back from the XML with encoding/xml.
type ciiReadBack struct {
	Lines []struct {
		Name string `xml:"SpecifiedTradeProduct>Name"`
	} `xml:"SupplyChainTradeTransaction>IncludedSupplyChainTradeLineItem"`
	BuyerReference string `xml:"SupplyChainTradeTransaction>ApplicableHeaderTradeAgreement>BuyerReference"`
	Buyer          struct {
		Name    string `xml:"Name"`
		Contact string `xml:"DefinedTradeContact>PersonName"`
		Street  string `xml:"PostalTradeAddress>LineOne"`
		City    string `xml:"PostalTradeAddress>CityName"`
	} `xml:"SupplyChainTradeTransaction>ApplicableHeaderTradeAgreement>BuyerTradeParty"`
	PONumber string `xml:"SupplyChainTradeTransaction>ApplicableHeaderTradeAgreement>BuyerOrderReferencedDocument>IssuerAssignedID"`
}

// TestEInvoiceXMLAnyText puts text of every kind — and characters XML 1.0 does not allow —
// into every field of the buyer, the PO number, the Leitweg-ID and the lines: the XML stays
// well-formed, reads back as the text in NFC without the forbidden characters, and is valid
// against the CII schema.
func TestEInvoiceXMLAnyText(t *testing.T) {
	st := storetest.SQLite(t)
	issued := issue(t, st, seedBooking(t, st, seedDate(t, st), 1, "de"), issueDay)
	r := renderer(t)
	cases := []textCase{
		{"NUL and other C0 controls are removed", "Firma\x00\x01\x08\x0b\x0c\x1f GmbH", "Firma GmbH"},
		{"non-characters U+FFFE and U+FFFF are removed", "Firma\ufffe\uffff GmbH", "Firma GmbH"},
		{"invalid UTF-8 becomes U+FFFD", "Firma\xff\xfe GmbH", "Firma\ufffd GmbH"},
	}
	for _, c := range anyTextCases() {
		if c.name == "combining characters" {
			c.want = "José Amélie Zoë" // composed, NFC
		} else {
			c.want = c.value // emoji and every other valid character stay as they are
		}
		cases = append(cases, c)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inv := issued
			inv.Buyer.Name, inv.Buyer.Contact, inv.Buyer.Street, inv.Buyer.City = c.value, c.value, c.value, c.value
			inv.PONumber, inv.BuyerReference = c.value, c.value
			inv.Lines = []model.InvoiceLine{{Description: c.value, Quantity: 1, UnitNetCents: inv.NetCents, NetCents: inv.NetCents}}
			doc, err := r.EInvoiceXML(inv)
			if err != nil {
				t.Fatal(err)
			}
			assertWellFormed(t, doc)
			var back ciiReadBack
			if err := xml.Unmarshal(doc, &back); err != nil {
				t.Fatalf("read back: %v", err)
			}
			got := map[string]string{
				"buyer name": back.Buyer.Name, "contact": back.Buyer.Contact, "street": back.Buyer.Street,
				"city": back.Buyer.City, "PO number": back.PONumber, "Leitweg-ID": back.BuyerReference,
			}
			if len(back.Lines) == 1 {
				got["line"] = back.Lines[0].Name
			}
			for field, v := range got {
				if v != c.want {
					t.Errorf("%s reads back %q, want %q", field, v, c.want)
				}
			}
			if len(got) != 7 {
				t.Errorf("line missing: %s", doc)
			}
			validateCII(t, doc)
		})
	}
}

// assertWellFormed reads the whole document with encoding/xml's strict decoder.
func assertWellFormed(t testing.TB, doc []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("XML not well-formed: %v\n%s", err, strings.ToValidUTF8(string(doc), "?"))
		}
	}
}
