package invoice_test

import (
	"os"
	"testing"

	"seminars/internal/invoice/einvoicetest"
)

// TestRuleSetsFire proves the rules reject what they should, so a pass elsewhere means
// something: CEN's own example passes EN 16931 but fails XRechnung (no Leitweg-ID, no seller
// contact).
func TestRuleSetsFire(t *testing.T) {
	example, err := os.ReadFile("testdata/schematron/selftest/CII_example1.xml")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{"cen-example": example}
	if got := einvoicetest.Check(t, einvoicetest.EN16931, docs); len(got["cen-example"]) != 0 {
		t.Errorf("EN 16931 failures on CEN's example: %v", got["cen-example"])
	}
	ids := map[string]bool{}
	for _, f := range einvoicetest.Check(t, einvoicetest.XRechnung, docs)["cen-example"] {
		ids[f.ID] = true
	}
	for _, want := range []string{"BR-DE-15", "BR-DE-2"} {
		if !ids[want] {
			t.Errorf("XRechnung rules did not report %s on CEN's example (got %v)", want, ids)
		}
	}
}
