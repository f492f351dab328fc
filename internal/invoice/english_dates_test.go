package invoice_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// germanDay is a day written the German way, 02.12.2026, which an English reader takes for 12 February.
var germanDay = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.\d{4}\b`)

// TestEnglishDocumentsWriteEnglishDates reads every English document with pdftotext: each day on
// it (issue date, date of service, due date, the seminar day in the line texts) is written
// "2 December 2026", none the German way.
func TestEnglishDocumentsWriteEnglishDates(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	r := renderer(t)
	b := seedBooking(t, st, date, 1, "en")
	inv := issue(t, st, b, issueDay)
	var credit model.Invoice
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		var err error
		credit, err = invoice.IssueCreditNote(context.Background(), tx, inv, inv.NetCents, "Cancelled by the customer", issueDay.Add(time.Hour))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checkedIn := date.StartsAt
	b.Attendees[0].CheckedInAt = &checkedIn
	seminarDay := date.StartsAt.In(berlin(t)).Format("2 January 2006")
	cases := []struct {
		name   string
		render func() ([]byte, error)
		want   []string
	}{
		{"invoice", func() ([]byte, error) { return r.InvoicePDF(inv) }, []string{"28 November 2026", seminarDay}},
		{"credit note", func() ([]byte, error) { return r.InvoicePDF(credit) }, []string{seminarDay}},
		{"certificate", func() ([]byte, error) { return r.Certificate(b, b.Attendees[0], testSeller(), "") }, []string{seminarDay}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pdf, err := c.render()
			if err != nil {
				t.Fatal(err)
			}
			text := squash(pdfText(t, pdf))
			if d := germanDay.FindAllString(text, -1); len(d) > 0 {
				t.Errorf("English %s writes days the German way %q:\n%s", c.name, d, text)
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("English %s lacks %q:\n%s", c.name, w, text)
				}
			}
		})
	}
}
