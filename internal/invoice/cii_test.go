package invoice_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// ciiSchema is the EN 16931 profile of the UN/CEFACT CII D16B schema (Factur-X 1.07.3 /
// ZUGFeRD 2.3), vendored under testdata/cii (see README there).
const ciiSchema = "testdata/cii/Factur-X_1.07.3_EN16931.xsd"

// validateCII checks XML against the schema with xmllint.
func validateCII(t *testing.T, doc []byte) {
	t.Helper()
	bin := requireTool(t, "xmllint", "libxml2-utils")
	path := filepath.Join(t.TempDir(), "invoice.xml")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "--noout", "--nonet", "--schema", ciiSchema, path)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("schema validation failed: %v\n%s\n%s", err, out.String(), doc)
	}
}

func TestEInvoiceXML(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	r := renderer(t)
	unpaid := issue(t, st, seedBooking(t, st, date, 2, "de"), issueDay)
	paid := issue(t, st, seedBooking(t, st, date, 1, "en"), issueDay)
	paid.PaymentStatus, paid.PaymentMethod, paid.DueDate, paid.BuyerReference = model.PaymentPaid, model.PaymentCard, nil, ""
	var credit model.Invoice
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		var err error
		credit, err = invoice.IssueCreditNote(context.Background(), tx, unpaid, 49000, "Ein Teilnehmer storniert", issueDay)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		inv    model.Invoice
		want   []string
		absent []string
	}{
		{"unpaid invoice with Leitweg-ID declares XRechnung", unpaid, []string{
			"<ram:ID>" + invoice.GuidelineXRechnung + "</ram:ID>",
			"<ram:ID>RE-2026-00001</ram:ID>", "<ram:TypeCode>380</ram:TypeCode>",
			`<udt:DateTimeString format="102">20261128</udt:DateTimeString>`,
			"<ram:BuyerReference>991-12345-67</ram:BuyerReference>",
			"<ram:Name>Müller &amp; Söhne GmbH</ram:Name>", `<ram:ID schemeID="VA">DE987654321</ram:ID>`,
			`<ram:ID schemeID="VA">DE123456789</ram:ID>`, `<ram:ID schemeID="FC">27/123/45678</ram:ID>`,
			"<ram:IssuerAssignedID>PO-4711</ram:IssuerAssignedID>",
			`<ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity>`, "<ram:ChargeAmount>490.00</ram:ChargeAmount>",
			"<ram:RateApplicablePercent>19</ram:RateApplicablePercent>", "<ram:CalculatedAmount>186.20</ram:CalculatedAmount>",
			"<ram:BasisAmount>980.00</ram:BasisAmount>", `<ram:TaxTotalAmount currencyID="EUR">186.20</ram:TaxTotalAmount>`,
			"<ram:GrandTotalAmount>1166.20</ram:GrandTotalAmount>", "<ram:DuePayableAmount>1166.20</ram:DuePayableAmount>",
			"<ram:TypeCode>58</ram:TypeCode>", "<ram:IBANID>DE02120300000000202051</ram:IBANID>",
			`<udt:DateTimeString format="102">20261212</udt:DateTimeString>`,
			"<ram:CompleteNumber>+49 30 1234567</ram:CompleteNumber>",
		}, nil},
		{"paid invoice without reference is plain EN 16931", paid, []string{
			"<ram:ID>" + invoice.GuidelineEN16931 + "</ram:ID>", "<ram:TotalPrepaidAmount>583.10</ram:TotalPrepaidAmount>",
			"<ram:DuePayableAmount>0.00</ram:DuePayableAmount>", "<ram:TypeCode>68</ram:TypeCode>",
		}, []string{"BuyerReference", "IBANID", "<ram:TypeCode>54</ram:TypeCode>"}},
		{"partial credit note is type 381 referencing the invoice", credit, []string{
			"<ram:ID>GS-2026-00001</ram:ID>", "<ram:TypeCode>381</ram:TypeCode>",
			"<ram:IssuerAssignedID>RE-2026-00001</ram:IssuerAssignedID>", "Ein Teilnehmer storniert",
			"<ram:LineTotalAmount>490.00</ram:LineTotalAmount>", "<ram:GrandTotalAmount>583.10</ram:GrandTotalAmount>",
		}, []string{">-"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := r.EInvoiceXML(c.inv)
			if err != nil {
				t.Fatal(err)
			}
			text := string(doc)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("XML lacks %s", w)
				}
			}
			for _, a := range c.absent {
				if strings.Contains(text, a) {
					t.Errorf("XML has %s", a)
				}
			}
			if t.Failed() {
				t.Log(text)
			}
			validateCII(t, doc)
		})
	}
}

func TestSchemaRejectsAnInvalidDocument(t *testing.T) {
	bin := requireTool(t, "xmllint", "libxml2-utils")
	path := filepath.Join(t.TempDir(), "bad.xml")
	bad := `<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"><rsm:ExchangedDocument/></rsm:CrossIndustryInvoice>`
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(bin, "--noout", "--nonet", "--schema", ciiSchema, path).Run(); err == nil {
		t.Fatal("xmllint accepted a document without ExchangedDocumentContext: the schema check proves nothing")
	}
}
