package mail_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/invoice/einvoicetest"
	"seminars/internal/model"
	"seminars/internal/store"
)

// TestCorrectionMailCarriesBothDocuments: every change of an issued invoice — a move of the
// whole booking, one attendee moved to a booking of their own, new billing data, the booker's
// own move, a move from online to in person that changes the tax — cancels the old invoice with
// a credit note and issues a new one with the new facts (gap-free numbers from the same
// counters), and mails the billing contact one message with both, PDF and XML each (the stored
// files), saying what changed and what is owed. Every XML passes the EN 16931 rules.
func TestCorrectionMailCarriesBothDocuments(t *testing.T) {
	type fixture struct {
		res      booking.Result
		from, to model.SeminarDate
		office   *backoffice.Service
	}
	cases := []struct {
		name   string
		lang   string
		format [2]string // from, to
		billAT bool      // an Austrian business with a VAT ID
		change func(e *env, f *fixture)
		want   []string // in the mail's text
		check  func(e *env, f *fixture, credit, inv model.Invoice, pdfText string)
	}{
		{"back office moves the whole booking", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				if _, err := f.office.MoveBooking(e.ctx, "owner@example.com", f.res.Booking.Reference, f.to.ID); err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"auf einen anderen Termin umgebucht", "Gutschrift GS-", "hebt die Rechnung RE-", "Bitte überweisen Sie 1.166,20 €"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if !inv.ServiceStart.Equal(f.to.StartsAt) || !strings.Contains(text, f.to.StartsAt.In(e.berlin).Format("02.01.2006")) {
					e.t.Errorf("new invoice's service date %v, want %v; PDF:\n%s", inv.ServiceStart, f.to.StartsAt, text)
				}
				seatsOn(e, f.from.ID, 0)
				seatsOn(e, f.to.ID, 2)
			}},
		{"trainer reschedules the date to another day", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				changed := f.from
				changed.Seminar = nil
				changed.StartsAt, changed.EndsAt = f.from.StartsAt.Add(48*time.Hour), f.from.EndsAt.Add(48*time.Hour)
				if err := f.office.UpdateDate(e.ctx, "owner@example.com", changed); err != nil {
					e.t.Fatal(err)
				}
				f.to = changed
			},
			[]string{"auf einen anderen Termin umgebucht", "Gutschrift GS-"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if !inv.ServiceStart.Equal(f.to.StartsAt) || !strings.Contains(text, f.to.StartsAt.In(e.berlin).Format("02.01.2006")) {
					e.t.Errorf("new invoice's service date %v, want %v", inv.ServiceStart, f.to.StartsAt)
				}
				seatsOn(e, f.from.ID, 2)
			}},
		{"booker moves inside the free period, in English", "en", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				if _, err := e.book.MoveByBooker(e.ctx, f.res.Booking.Reference, f.res.ManageToken, f.to.ID); err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"moved to another date", "credit note GS-", "cancels invoice RE-", "Please transfer €1,166.20"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if !inv.ServiceStart.Equal(f.to.StartsAt) {
					e.t.Errorf("service date %v, want %v", inv.ServiceStart, f.to.StartsAt)
				}
			}},
		{"billing data changed", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				nb := f.res.Booking.Billing
				nb.Street, nb.PostalCode, nb.City, nb.PONumber = "Neuer Weg 9", "80331", "München", "PO-77"
				err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
					_, err := e.book.UpdateBillingInTx(e.ctx, tx, f.res.Booking.Reference, nb)
					return err
				})
				if err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"Rechnungsdaten Ihrer Buchung wurden geändert", "Gutschrift GS-"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if inv.Buyer.Street != "Neuer Weg 9" || !strings.Contains(text, "Neuer Weg 9") || !strings.Contains(text, "80331 München") {
					e.t.Errorf("new invoice's buyer %+v; PDF:\n%s", inv.Buyer, text)
				}
				if credit.Buyer.Street != "Weg 2" {
					e.t.Errorf("credit note states %q, want the old invoice's address", credit.Buyer.Street)
				}
			}},
		{"a Leitweg-ID added: the new invoice is XRechnung", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				nb := f.res.Booking.Billing
				nb.BuyerReference = "04011000-12345-34"
				err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
					_, err := e.book.UpdateBillingInTx(e.ctx, tx, f.res.Booking.Reference, nb)
					return err
				})
				if err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"Rechnungsdaten Ihrer Buchung wurden geändert"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if inv.BuyerReference != "04011000-12345-34" {
					e.t.Errorf("new invoice's buyer reference %q", inv.BuyerReference)
				}
			}},
		{"online to in person decides the tax again", "de", [2]string{model.FormatOnline, model.FormatInPerson}, true,
			func(e *env, f *fixture) {
				if _, err := f.office.MoveBooking(e.ctx, "owner@example.com", f.res.Booking.Reference, f.to.ID); err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"Rechnungsbetrag ist jetzt 1.166,20 €"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if credit.TaxTreatment != model.TaxReverseCharge || inv.TaxTreatment != model.TaxStandard || inv.NetCents != 98000 || inv.GrossCents != 116620 {
					e.t.Errorf("credit note %s/%d, new invoice %s net %d gross %d", credit.TaxTreatment, credit.GrossCents, inv.TaxTreatment, inv.NetCents, inv.GrossCents)
				}
			}},
		{"paid, then in person to online for a business abroad: the VAT is paid back", "de", [2]string{model.FormatInPerson, model.FormatOnline}, true,
			func(e *env, f *fixture) {
				if err := f.office.MarkPaid(e.ctx, "owner@example.com", f.res.Booking.Reference); err != nil {
					e.t.Fatal(err)
				}
				if _, err := f.office.MoveBooking(e.ctx, "owner@example.com", f.res.Booking.Reference, f.to.ID); err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"Rechnungsbetrag ist jetzt 980,00 €"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if inv.TaxTreatment != model.TaxReverseCharge || inv.GrossCents != 98000 {
					e.t.Errorf("new invoice %s gross %d, want reverse charge 98000", inv.TaxTreatment, inv.GrossCents)
				}
				// Paid 1,166.20 by transfer against an invoice of 980.00: the seller holds 186.20 of
				// the booker's money, a manual refund for the trainer.
				b, err := e.st.BookingByID(e.ctx, f.res.Booking.ID)
				if err != nil {
					e.t.Fatal(err)
				}
				if !b.NeedsAttention || b.AttentionReason != model.AttentionRefundManual || b.RefundDueCents != 18620 {
					e.t.Errorf("attention %v %q, refund due %d; want a manual refund of 18620", b.NeedsAttention, b.AttentionReason, b.RefundDueCents)
				}
				acct, err := e.st.AccountOfBooking(e.ctx, b.ID)
				if err != nil {
					e.t.Fatal(err)
				}
				if acct.AmountRefundable != 18620 || acct.AmountDue != 0 {
					e.t.Errorf("account due %d refundable %d, want 0 and 18620", acct.AmountDue, acct.AmountRefundable)
				}
			}},
		{"one attendee moved to a booking of their own", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				m, err := f.office.MoveAttendee(e.ctx, "owner@example.com", f.res.Booking.Reference, f.res.Booking.Attendees[1].ID, f.to.ID)
				if err != nil {
					e.t.Fatal(err)
				}
				if m.Split.Seats != 1 || len(m.Split.Attendees) != 1 || m.Split.Attendees[0].FirstName != "Ben" || m.Split.GrossCents != 58310 {
					e.t.Errorf("split booking %+v", m.Split)
				}
				docs, err := e.st.InvoicesForBooking(e.ctx, m.Split.ID)
				if err != nil || len(docs) != 1 || docs[0].GrossCents != 58310 || !docs[0].ServiceStart.Equal(f.to.StartsAt) {
					e.t.Errorf("split booking's documents %+v (%v)", docs, err)
				}
			},
			[]string{"Zahl der Teilnehmenden", "Bitte überweisen Sie 583,10 €"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if inv.GrossCents != 58310 || len(inv.Lines) != 1 || strings.Contains(text, "Ben Muster") {
					e.t.Errorf("remaining invoice gross %d, lines %+v", inv.GrossCents, inv.Lines)
				}
				seatsOn(e, f.from.ID, 1)
				seatsOn(e, f.to.ID, 1)
			}},
		{"the booker adds an attendee", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				in := booking.AttendeeInput{FirstName: "Cora", LastName: "Neu", Email: "cora@muster.example"}
				if _, err := e.book.AddAttendeeByBooker(e.ctx, f.res.Booking.Reference, f.res.ManageToken, in); err != nil {
					e.t.Fatal(err)
				}
			},
			[]string{"Wir haben Cora Neu zu Ihrer Buchung hinzugefügt", "Bitte überweisen Sie 1.749,30 €"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if inv.GrossCents != 174930 || len(inv.Lines) != 3 || !strings.Contains(text, "Cora Neu") {
					e.t.Errorf("new invoice gross %d, lines %+v", inv.GrossCents, inv.Lines)
				}
				inbox := e.inbox()
				if n := len(inbox["billing@muster.example"]); n != 2 {
					e.t.Errorf("billing contact got %d mails, want the confirmation and one correction", n)
				}
				if got := inbox["cora@muster.example"]; len(got) != 1 || !strings.Contains(got[0].Text, "angemeldet") {
					e.t.Errorf("the added attendee got %d mails, want their confirmation", len(got))
				}
				seatsOn(e, f.from.ID, 3)
			}},
		{"staff cancels one attendee with the policy's fee", "de", [2]string{model.FormatOnline, model.FormatOnline}, false,
			func(e *env, f *fixture) {
				e.now = e.now.Add(15 * 24 * time.Hour) // 25 days before: 50 %
				ch, err := f.office.CancelAttendee(e.ctx, "assistant@example.com", f.res.Booking.Reference, f.res.Booking.Attendees[1].ID, false)
				if err != nil || ch.FeeCents != 29155 {
					e.t.Fatalf("fee %d (%v), want 29155", ch.FeeCents, err)
				}
			},
			[]string{"Die Teilnahme von Ben Muster ist storniert", "Stornogebühr von 291,55 €", "Bitte überweisen Sie 874,65 €"},
			func(e *env, f *fixture, credit, inv model.Invoice, text string) {
				if inv.GrossCents != 87465 || len(inv.Lines) != 2 || !strings.Contains(text, "Stornogebühren") {
					e.t.Errorf("new invoice gross %d, lines %+v", inv.GrossCents, inv.Lines)
				}
				inbox := e.inbox()
				if n := len(inbox["billing@muster.example"]); n != 2 {
					e.t.Errorf("billing contact got %d mails, want the confirmation and one correction", n)
				}
				if got := inbox["ben@muster.example"]; len(got) != 2 || !strings.Contains(got[1].Text, "storniert") {
					e.t.Errorf("the cancelled attendee got %d mails, want the confirmation and the notice", len(got))
				}
				acct, _ := e.st.AccountOfBooking(e.ctx, f.res.Booking.ID)
				if acct.AmountDue != 87465 {
					e.t.Errorf("amount due %d, want 87465", acct.AmountDue)
				}
				seatsOn(e, f.from.ID, 1)
			}},
	}
	xmls, xrechnung := map[string][]byte{}, map[string][]byte{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.useCancellationPolicy()
				e.sellerPhone("+49 30 1234567") // with a Leitweg-ID, documents declare XRechnung
				start := e.now.Add(40 * 24 * time.Hour).Truncate(time.Hour)
				from := e.seedDate(tc.format[0], start)
				to := addDate(e, from, tc.format[1], start.Add(7*24*time.Hour), 20)
				var res booking.Result
				if tc.billAT {
					res = e.reserveFor(from.ID, tc.lang, model.Billing{Company: "Muster GmbH", Name: "Bea Billing", Email: "billing@muster.example",
						Street: "Weg 2", PostalCode: "1010", City: "Wien", Country: "AT", VATID: "ATU12345678"},
						[2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
				} else {
					res = e.reserve(from.ID, tc.lang, [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
				}
				e.run(e.now.Add(time.Minute))
				f := &fixture{res: res, from: from, to: to, office: backoffice.New(e.st, e.book, nil, e.clock)}
				tc.change(e, f)
				e.run(e.now.Add(2 * time.Minute))

				docs, err := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
				if err != nil || len(docs) != 3 {
					t.Fatalf("%d documents (%v), want invoice, credit note, new invoice", len(docs), err)
				}
				old, credit, inv := docs[0], docs[1], docs[2]
				if !credit.IsCreditNote() || credit.OriginalID == nil || *credit.OriginalID != old.ID || credit.GrossCents != -old.GrossCents ||
					inv.Kind != model.InvoiceKindInvoice {
					t.Fatalf("documents %s %s %s do not cancel and replace the invoice", old.Number, credit.Number, inv.Number)
				}
				assertGapFree(t, e)
				var m *parsedMail
				for _, got := range e.inbox()["billing@muster.example"] {
					if strings.Contains(got.Text, credit.Number) && strings.Contains(got.Text, inv.Number) {
						m = &got
					}
				}
				if m == nil {
					t.Fatalf("no mail names %s and %s", credit.Number, inv.Number)
				}
				text := strings.Join(strings.Fields(m.Text), " ")
				for _, w := range tc.want {
					if !strings.Contains(text, w) {
						t.Errorf("mail lacks %q:\n%s", w, text)
					}
				}
				files := map[string]attachedFile{}
				for _, file := range m.Files {
					files[file.Name] = file
				}
				if len(m.Files) != 4 {
					t.Fatalf("attachments %v, want the credit note's and the new invoice's PDF and XML", names(m.Files))
				}
				for _, d := range []model.Invoice{credit, inv} {
					pdf, xml := files[d.Number+".pdf"], files[d.Number+".xml"]
					if pdf.Data != string(issuedFile(t, e, d.ID, model.DocumentPDF)) || xml.Data != string(issuedFile(t, e, d.ID, model.DocumentXML)) {
						t.Errorf("mailed %s differs from the stored files", d.Number)
					}
					validateSchema(t, []byte(xml.Data))
					name := strings.NewReplacer(" ", "_", ",", "", "/", "_", ":", "").Replace(t.Name()) + "_" + d.Number
					xmls[name] = []byte(xml.Data)
					if strings.Contains(xml.Data, "xrechnung") {
						xrechnung[name] = []byte(xml.Data)
					}
				}
				if !strings.Contains(files[inv.Number+".xml"].Data, inv.ServiceStart.In(e.berlin).Format("20060102")) {
					t.Errorf("new invoice's XML lacks its service date")
				}
				tc.check(e, f, credit, inv, pdfToText(t, []byte(files[inv.Number+".pdf"].Data)))
			})
		})
	}
	einvoicetest.RequireSaxon(t)
	for name, failures := range einvoicetest.Check(t, einvoicetest.EN16931, xmls) {
		if len(failures) != 0 {
			t.Errorf("%s fails EN 16931: %v", name, failures)
		}
	}
	if len(xrechnung) == 0 {
		t.Fatal("no correction declared XRechnung")
	}
	for name, failures := range einvoicetest.Check(t, einvoicetest.XRechnung, xrechnung) {
		if len(failures) != 0 {
			t.Errorf("%s fails XRechnung: %v", name, failures)
		}
	}
}

// TestBookerMove: the manage page's move is free only while cancelling would be free and
// before the substitution deadline, and only to a date with enough free seats; a refused move
// changes nothing.
func TestBookerMove(t *testing.T) {
	cases := []struct {
		name    string
		daysOut int // how far the first date is from now
		toSeats int // capacity of the target date
		wantErr func(error) bool
	}{
		{"inside the free period", 40, 20, func(err error) bool { return err == nil }},
		{"after the free period", 20, 20, func(err error) bool { var nf *booking.MoveNotFreeError; return errors.As(err, &nf) }},
		{"to a full date", 40, 1, func(err error) bool { _, ok := booking.IsSoldOut(err); return ok }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.useCancellationPolicy()
				start := e.now.Add(time.Duration(tc.daysOut) * 24 * time.Hour).Truncate(time.Hour)
				from := e.seedDate(model.FormatOnline, start)
				to := addDate(e, from, model.FormatOnline, start.Add(7*24*time.Hour), tc.toSeats)
				res := e.reserve(from.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
				_, err := e.book.MoveByBooker(e.ctx, res.Booking.Reference, res.ManageToken, to.ID)
				if !tc.wantErr(err) {
					t.Fatalf("move: %v", err)
				}
				docs, _ := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
				if err != nil {
					seatsOn(e, from.ID, 2)
					seatsOn(e, to.ID, 0)
					if len(docs) != 1 {
						t.Errorf("a refused move issued %d documents", len(docs)-1)
					}
					return
				}
				seatsOn(e, from.ID, 0)
				seatsOn(e, to.ID, 2)
				if len(docs) != 3 {
					t.Errorf("%d documents, want 3", len(docs))
				}
			})
		})
	}
}

// addDate adds a date to the seminar of d.
func addDate(e *env, d model.SeminarDate, format string, start time.Time, capacity int) model.SeminarDate {
	e.t.Helper()
	n := model.SeminarDate{SeminarID: d.SeminarID, StartsAt: start.UTC(), EndsAt: start.UTC().Add(7 * time.Hour), Capacity: capacity,
		PriceNetCents: d.PriceNetCents, Format: format, Status: model.DatePublished}
	if format == model.FormatOnline {
		n.OnlineURL = "https://meet.example/room-43"
	} else {
		n.City, n.Venue, n.Address = "Berlin", "Tagungshaus Mitte", "Hauptstraße 1, 10115 Berlin"
	}
	if err := backoffice.New(e.st, e.book, nil, e.clock).CreateDate(e.ctx, "test", d.SeminarID, &n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// reserveFor books attendees with the billing data given.
func (e *env) reserveFor(dateID uint, lang string, billing model.Billing, attendees ...[2]string) booking.Result {
	e.t.Helper()
	req := booking.Request{DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: lang, Billing: billing}
	for _, a := range attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: a[0], LastName: "Muster", Email: a[1]})
	}
	res, err := e.book.Reserve(e.ctx, req)
	if err != nil {
		e.t.Fatalf("reserve: %v", err)
	}
	return res
}

func seatsOn(e *env, dateID uint, want int) {
	e.t.Helper()
	d, err := e.st.DateByID(e.ctx, dateID)
	if err != nil || d.SeatsTaken != want {
		e.t.Errorf("date %d: %d seats taken (%v), want %d", dateID, d.SeatsTaken, err, want)
	}
	held, _ := e.st.SeatsHeldForDate(e.ctx, dateID)
	if int(held) != d.SeatsTaken {
		e.t.Errorf("date %d: bookings hold %d seats, the date counts %d", dateID, held, d.SeatsTaken)
	}
}

// assertGapFree checks that each kind's numbers run 1..n without a gap.
func assertGapFree(t *testing.T, e *env) {
	t.Helper()
	all, err := e.st.InvoicesIssuedBetween(e.ctx, time.Time{}, e.now.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	next := map[string]int{}
	for _, d := range all {
		next[d.Kind]++
		if d.Sequence != next[d.Kind] {
			t.Errorf("%s has sequence %d, want %d (numbers not gap-free)", d.Number, d.Sequence, next[d.Kind])
		}
	}
}

// pdfToText extracts a PDF's text with pdftotext.
func pdfToText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	in := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "-enc", "UTF-8", in, "-")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// sellerPhone gives the booking service's seller a phone number (XRechnung's seller contact).
func (e *env) sellerPhone(phone string) {
	settings := e.book.Settings()
	settings.Seller.Phone = phone
	e.book = booking.New(e.st, settings, e.clock, quietLog())
}
