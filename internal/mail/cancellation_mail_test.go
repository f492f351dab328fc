package mail_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/invoice/einvoicetest"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ciiSchema is the invoice package's vendored EN 16931 CII schema (see its testdata/cii README).
const ciiSchema = "../invoice/testdata/cii/Factur-X_1.07.3_EN16931.xsd"

// cancelBooking is the booking service of the cancellation tests: free until 28 days before,
// 50 % after, and a seller with bank details.
func (e *env) useCancellationPolicy() {
	e.book = booking.New(e.st, booking.Settings{
		VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 20,
		Cancellation: model.CancellationPolicy{FreeDays: 28, FeePercent: 50, Location: e.berlin},
		Seller: invoice.Seller{Name: "Social Media Kompetenz", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin",
			Country: "DE", VATID: "DE123456789", Email: "seminare@example.com", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001",
			Bank: "Testbank", DueDays: 14, Currency: "EUR", Location: e.berlin},
	}, e.clock, quietLog())
}

// TestCancellationMailCarriesTheCreditNote: every cancellation — by the booker under the policy,
// by the trainer, with the whole date — mails the billing contact the credit note it issued, as
// PDF and e-invoice XML (the stored files, the XML valid against the CII schema and the EN 16931
// rules), and says what is refunded, what fee is kept or still owed and how to pay it.
func TestCancellationMailCarriesTheCreditNote(t *testing.T) {
	cases := []struct {
		name    string
		lang    string
		cancel  func(e *env, res booking.Result)
		subject string
		want    []string
		notWant []string
	}{
		{"booker cancels inside the fee period, unpaid", "de",
			func(e *env, res booking.Result) {
				if _, err := e.book.CancelByBooker(e.ctx, res.Booking.Reference, res.ManageToken); err != nil {
					e.t.Fatal(err)
				}
			},
			"storniert", []string{"Gutschrift GS-", "als PDF und als E-Rechnung (XML)", "Offen bleibt die Stornogebühr von 583,10 €",
				"Rechnungsnummer RE-", "IBAN DE02120300000000202051, BIC BYLADEM1001 (Testbank)", "Buchungslink"},
			[]string{"1.166,20"}},
		{"booker cancels inside the fee period, unpaid, in English", "en",
			func(e *env, res booking.Result) {
				if _, err := e.book.CancelByBooker(e.ctx, res.Booking.Reference, res.ManageToken); err != nil {
					e.t.Fatal(err)
				}
			},
			"cancelled", []string{"credit note GS-", "as a PDF and as an e-invoice (XML)", "cancellation fee of €583.10 remains to be paid",
				"invoice number RE-", "IBAN DE02120300000000202051", "booking link"},
			[]string{"1,166.20"}},
		{"trainer cancels a booking paid by bank transfer", "de",
			func(e *env, res booking.Result) {
				markPaid(e, res.Booking.ID)
				if _, err := e.book.CancelByTrainer(e.ctx, res.Booking.Reference); err != nil {
					e.t.Fatal(err)
				}
			},
			"storniert", []string{"Gutschrift GS-", "Wir überweisen Ihnen 1.166,20 € auf das Konto zurück"},
			[]string{"Stornogebühr", "Sie müssen nichts zahlen"}},
		{"date cancelled", "de",
			func(e *env, res booking.Result) {
				// The back office cancels the date and every booking on it in one transaction.
				if err := backoffice.New(e.st, e.book, nil, e.clock).CancelDate(e.ctx, "owner@example.com", res.Booking.DateID); err != nil {
					e.t.Fatal(err)
				}
			},
			"Termin abgesagt", []string{"Gutschrift GS-", "Sie müssen nichts zahlen."}, []string{"Stornogebühr"}},
	}
	var xmls = map[string][]byte{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.useCancellationPolicy()
				date := e.seedDate(model.FormatOnline, e.now.Add(10*24*time.Hour).Truncate(time.Hour))
				res := e.reserve(date.ID, tc.lang, [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
				e.run(e.now.Add(time.Minute)) // the confirmation goes out first
				before := len(e.inbox()["billing@muster.example"])
				tc.cancel(e, res)
				e.run(e.now.Add(2 * time.Minute))

				mails := e.inbox()["billing@muster.example"]
				if len(mails) != before+1 {
					t.Fatalf("billing contact got %d mails after the cancellation, want 1", len(mails)-before)
				}
				m := mails[len(mails)-1]
				if !strings.Contains(m.Subject, tc.subject) {
					t.Errorf("subject %q, want %q", m.Subject, tc.subject)
				}
				text := strings.Join(strings.Fields(m.Text), " ")
				for _, w := range tc.want {
					if !strings.Contains(text, w) {
						t.Errorf("text lacks %q:\n%s", w, m.Text)
					}
				}
				for _, w := range tc.notWant {
					if strings.Contains(text, w) {
						t.Errorf("text has %q:\n%s", w, m.Text)
					}
				}
				docs, err := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
				if err != nil {
					t.Fatal(err)
				}
				var credit model.Invoice
				for _, d := range docs {
					if d.IsCreditNote() {
						credit = d
					}
				}
				if credit.ID == 0 || !strings.Contains(text, credit.Number) {
					t.Fatalf("credit note %q not issued or not named", credit.Number)
				}
				files := map[string]attachedFile{}
				for _, f := range m.Files {
					files[f.Name] = f
				}
				pdf, xml := files[credit.Number+".pdf"], files[credit.Number+".xml"]
				if len(m.Files) != 2 || pdf.Type != "application/pdf" || xml.Type != "application/xml" {
					t.Fatalf("attachments %v, want %s.pdf and %s.xml", names(m.Files), credit.Number, credit.Number)
				}
				if pdf.Data != string(issuedFile(t, e, credit.ID, model.DocumentPDF)) || xml.Data != string(issuedFile(t, e, credit.ID, model.DocumentXML)) {
					t.Error("mailed credit note differs from the stored files")
				}
				if !strings.HasPrefix(pdf.Data, "%PDF-") || !strings.Contains(xml.Data, "<ram:TypeCode>381</ram:TypeCode>") {
					t.Errorf("attachments are no credit note PDF and XML")
				}
				validateSchema(t, []byte(xml.Data))
				xmls[strings.NewReplacer(" ", "_", ",", "", "/", "_").Replace(t.Name())] = []byte(xml.Data)
			})
		})
	}
	einvoicetest.RequireSaxon(t)
	for name, failures := range einvoicetest.Check(t, einvoicetest.EN16931, xmls) {
		if len(failures) != 0 {
			t.Errorf("%s fails EN 16931: %v", name, failures)
		}
	}
}

// markPaid records a transfer as the back office's "mark paid" does.
func markPaid(e *env, bookingID uint) {
	e.t.Helper()
	err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
		_, err := tx.MarkBookingPaid(e.ctx, bookingID)
		return err
	})
	if err != nil {
		e.t.Fatal(err)
	}
}

// validateSchema checks an e-invoice against the CII schema with xmllint.
func validateSchema(t *testing.T, doc []byte) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is required under CI (Debian package libxml2-utils)")
		}
		t.Skip("xmllint not installed (apt-get install libxml2-utils)")
	}
	path := filepath.Join(t.TempDir(), "credit-note.xml")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "--noout", "--nonet", "--schema", ciiSchema, path)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("schema validation failed: %v\n%s", err, out.String())
	}
}

// TestDateNoticeAfterAnEarlierCancellation: a booker who cancelled before the trainer called the
// date off got their credit note then; the date's notice tells them, but attaches nothing again.
func TestDateNoticeAfterAnEarlierCancellation(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		e.useCancellationPolicy()
		date := e.seedDate(model.FormatOnline, e.now.Add(10*24*time.Hour).Truncate(time.Hour))
		res := e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
		if _, err := e.book.CancelByBooker(e.ctx, res.Booking.Reference, res.ManageToken); err != nil {
			t.Fatal(err)
		}
		e.run(e.now.Add(time.Minute))
		e.now = e.now.Add(24 * time.Hour)
		if err := backoffice.New(e.st, e.book, nil, e.clock).CancelDate(e.ctx, "owner@example.com", date.ID); err != nil {
			t.Fatal(err)
		}
		e.run(e.now.Add(time.Minute))
		var cancelled, notice *parsedMail
		for _, m := range e.inbox()["billing@muster.example"] {
			switch {
			case strings.Contains(m.Subject, "storniert"):
				cancelled = &m
			case strings.Contains(m.Subject, "Termin abgesagt"):
				notice = &m
			}
		}
		if cancelled == nil || len(cancelled.Files) != 2 {
			t.Fatalf("the booker's cancellation mail: %+v", cancelled)
		}
		if notice == nil {
			t.Fatal("no notice about the cancelled date")
		}
		if len(notice.Files) != 0 || strings.Contains(notice.Text, "Gutschrift") {
			t.Fatalf("the date's notice attaches %v", names(notice.Files))
		}
	})
}
