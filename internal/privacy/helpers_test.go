package privacy_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// env is the app over a fresh database on a fixed clock, with the helpers the tests book with.
type env struct {
	t   *testing.T
	ctx context.Context
	st  *store.Store
	clk *storetest.Clock
	a   *app.App
}

func newEnv(t *testing.T, st *store.Store, clk *storetest.Clock, settings ...string) *env {
	t.Helper()
	cfg := apptest.Config(t, append([]string{"SEMINARS_DATA_DIR=" + t.TempDir()}, settings...)...)
	a := apptest.NewWith(t, st, cfg, clk.Now, slog.New(slog.DiscardHandler))
	return &env{t: t, ctx: context.Background(), st: st, clk: clk, a: a}
}

// person is someone on a booking: first and last name, address.
type person struct{ first, last, email string }

func (p person) name() string { return p.first + " " + p.last }

var (
	maxBooker = person{"Max", "Bucher", "max.bucher@example.com"}
	erika     = person{"Erika", "Teilnehmer", "erika.teil@example.com"}
	otto      = person{"Otto", "Andere", "otto.andere@example.com"}
)

// book makes an invoice booking (confirmed at once) on a date ten days ahead.
func (e *env) book(booker person, attendees ...person) booking.Result {
	e.t.Helper()
	date := storetest.SeedDate(e.t, e.st, storetest.DateOptions{StartsIn: 10 * 24 * time.Hour, Clock: e.clk})
	req := booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: booker.name(), Email: booker.email, Street: "Hauptstraße 1",
			PostalCode: "10115", City: "Berlin", Country: "DE", PONumber: "PO-7"}}
	for _, a := range attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: a.first, LastName: a.last, Email: a.email})
	}
	res, err := e.a.Bookings.Reserve(e.ctx, req)
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// settle records the booking's gross as received by bank transfer today.
func (e *env) settle(b model.Booking) {
	e.t.Helper()
	day := e.clk.Now().In(storetest.Berlin()).Format(time.DateOnly)
	in := model.PaymentInput{AmountCents: b.GrossCents, PaidOn: day, Method: string(model.LedgerBankTransfer)}
	if _, err := e.a.Office.RecordPayment(e.ctx, "owner@example.com", b.Reference, in); err != nil {
		e.t.Fatal(err)
	}
}

// deliver renders the issued documents and sends every mail due, as the background jobs do.
func (e *env) deliver() {
	e.t.Helper()
	if _, err := e.a.Documents.RenderDue(e.ctx, e.a.Runner, e.clk.Now()); err != nil {
		e.t.Fatal(err)
	}
	for range 2 { // the events, then the messages they became
		if err := e.a.Mail.RunOnce(e.ctx, e.clk.Now()); err != nil {
			e.t.Fatal(err)
		}
	}
}

// ended books booker with attendees, delivers the mails, lets the date pass and settles the
// booking: the state in which a person may be erased.
func (e *env) ended(booker person, attendees ...person) model.Booking {
	e.t.Helper()
	res := e.book(booker, attendees...)
	e.deliver()
	e.clk.Advance(20 * 24 * time.Hour)
	e.settle(res.Booking)
	e.deliver()
	b, err := e.st.BookingByReference(e.ctx, res.Booking.Reference)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// waitFor puts p on the waiting list of a new full date.
func (e *env) waitFor(p person) model.WaitlistEntry {
	e.t.Helper()
	date := storetest.SeedDate(e.t, e.st, storetest.DateOptions{Capacity: 1, SeatsTaken: 1, Clock: e.clk})
	w := model.WaitlistEntry{DateID: date.ID, Name: p.name(), Email: p.email, Company: "Warte AG", Seats: 1, Language: "de"}
	if err := e.a.Waitlist.Join(e.ctx, &w); err != nil {
		e.t.Fatal(err)
	}
	return w
}

// inquire sends an in-house inquiry from p.
func (e *env) inquire(p person) model.InhouseInquiry {
	e.t.Helper()
	i := model.InhouseInquiry{Company: "Anfrage KG", Name: p.name(), Email: p.email, Phone: "+49 30 1234567",
		Topic: "Social Media im Vertrieb", Participants: 8, Message: "Bitte rufen Sie " + p.first + " an.", Language: "de"}
	if err := e.a.Office.SubmitInquiry(e.ctx, &i); err != nil {
		e.t.Fatal(err)
	}
	return i
}

// offer answers p's inquiry with an in-house offer and lets the document worker store its PDF.
func (e *env) offer(p person) model.Offer {
	e.t.Helper()
	inq := e.inquire(p)
	date := storetest.SeedDate(e.t, e.st, storetest.DateOptions{StartsIn: 10 * 24 * time.Hour, Clock: e.clk})
	start := e.clk.Now().Add(60 * 24 * time.Hour)
	o := model.Offer{SeminarID: date.SeminarID, Persons: 6, Pricing: model.PricingFlat, PriceNetCents: 300000,
		Format: model.FormatInPerson, City: "Köln", ValidUntil: e.clk.Now().Add(20 * 24 * time.Hour),
		ProposedDates: []model.ProposedDate{{StartsAt: start, EndsAt: start.Add(8 * time.Hour)}}}
	if err := e.a.Office.CreateOffer(e.ctx, "owner@example.com", inq.ID, &o); err != nil {
		e.t.Fatal(err)
	}
	e.deliver()
	return o
}

// issued returns every stored PDF and XML of the booking's documents, and the documents' rows.
func (e *env) issued(b model.Booking) (map[string][]byte, []model.Invoice) {
	e.t.Helper()
	invs, err := e.st.InvoicesForBooking(e.ctx, b.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, inv := range invs {
		for _, kind := range []string{model.DocumentPDF, model.DocumentXML} {
			doc, err := e.st.IssuedDocument(e.ctx, inv.ID, kind)
			if err != nil {
				e.t.Fatalf("%s %s: %v", inv.Number, kind, err)
			}
			files[inv.Number+"."+kind] = doc.Data
		}
	}
	return files, invs
}

// mentions tells whether any of the texts contains any of the needles, case-insensitively.
func mentions(texts []string, needles ...string) string {
	for _, text := range texts {
		for _, n := range needles {
			if strings.Contains(strings.ToLower(text), strings.ToLower(n)) {
				return n
			}
		}
	}
	return ""
}
