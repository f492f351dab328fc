package mail_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // raw SQL in tests that change what the admin issue's use cases will change

	"seminars"
	"seminars/internal/booking"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/worker"
)

// env is a database, a booking service, a mail worker and an SMTP server, sharing one clock.
type env struct {
	t      testing.TB
	ctx    context.Context
	st     *store.Store
	dbPath string
	smtp   *testSMTP
	worker *mail.Worker
	book   *booking.Service
	now    time.Time // the clock the booking service reads
	berlin *time.Location
}

// newEnv builds an env on a fresh SQLite file.
func newEnv(t testing.TB) *env {
	t.Helper()
	e := startEnv()
	path := filepath.Join(t.TempDir(), "seminars.db")
	st, err := store.Open(context.Background(), path, store.WithClock(e.clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return e.on(t, st, path)
}

// eachEnv runs fn once on SQLite and once on PostgreSQL (see storetest.Each).
func eachEnv(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, db := range storetest.Databases {
		t.Run(db.Name, func(t *testing.T) {
			e := startEnv()
			fn(t, e.on(t, db.OpenWith(t, store.WithClock(e.clock)), ""))
		})
	}
}

// startEnv is an env whose clock stands at storetest.ReferenceTime, in whole seconds
// (PostgreSQL keeps microseconds, and tests compare times read back). The store, the booking
// service and the worker all read e.now, so whatever a test sets it to, they agree.
func startEnv() *env { return &env{now: storetest.ReferenceTime.UTC().Truncate(time.Second)} }

// clock is the env's clock as a service takes it.
func (e *env) clock() time.Time { return e.now }

// on finishes an env on a store; sqlitePath is the store's file if it is SQLite.
func (e *env) on(t testing.TB, st *store.Store, sqlitePath string) *env {
	t.Helper()
	e.t, e.ctx, e.st, e.dbPath = t, context.Background(), st, sqlitePath
	var err error
	if e.berlin, err = time.LoadLocation("Europe/Berlin"); err != nil {
		t.Fatal(err)
	}
	e.smtp = startSMTP(t)
	sender, err := mail.NewSender(e.smtp.url(), "", 1)
	if err != nil {
		t.Fatal(err)
	}
	e.worker = e.newWorker(sender)
	e.book = booking.New(e.st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 20},
		e.clock, quietLog())
	return e
}

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newWorker builds a worker as main does, with the sender given (a restarted process); it
// sends as many messages at once as the sender has connections.
func (e *env) newWorker(sender mail.Sender) *mail.Worker {
	e.t.Helper()
	catalog, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	return e.newWorkerWith(sender, invoice.NewDocuments(e.st, invoice.NewRenderer(catalog, e.berlin), e.clock))
}

// newWorkerWith is newWorker attaching the stored files of docs, as the service passes the
// render job's.
func (e *env) newWorkerWith(sender mail.Sender, docs *invoice.Documents) *mail.Worker {
	e.t.Helper()
	tpl, err := mail.ParseTemplates(seminars.Files)
	if err != nil {
		e.t.Fatal(err)
	}
	catalog, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	return mail.New(e.st, sender, tpl, catalog, mail.Settings{
		From: "Seminare <seminare@example.com>", BaseURL: "https://seminare.example", Location: e.berlin,
		InvoiceDueDays: 14, ReminderDays: 3, Seller: invoice.Seller{
			Name: "Social Media Kompetenz", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin",
			Email: "seminare@example.com", VATID: "DE000000000",
		},
		Cancellation: model.CancellationPolicy{FreeDays: 28, FeePercent: 50,
			Steps: []model.CancellationStep{{Within: 14, Percent: 100}}, Location: e.berlin},
	}, docs, e.clock, quietLog(), worker.New(e.st, worker.Settings{Now: e.clock, Log: quietLog()}))
}

// seedDate creates a seminar (with what to prepare) and one date starting at start, stored in
// UTC as the service stores every time (SQLite compares times as text).
func (e *env) seedDate(format string, start time.Time) model.SeminarDate {
	e.t.Helper()
	start = start.UTC()
	d := model.SeminarDate{
		StartsAt: start, EndsAt: start.Add(7 * time.Hour), Capacity: 20, PriceNetCents: 49000, Format: format,
		Status: model.DatePublished,
	}
	if format == model.FormatOnline {
		d.OnlineURL = "https://meet.example/room-42"
	} else {
		d.City, d.Venue, d.Address = "Berlin", "Tagungshaus Mitte", "Hauptstraße 1, 10115 Berlin"
	}
	sem := model.Seminar{
		Slug: "linkedin-" + format + start.Format("20060102150405"), TitleDE: "LinkedIn im Vertrieb", TitleEN: "LinkedIn for sales",
		PrepareDE: "Bitte bringen Sie Ihr Smartphone mit.", PrepareEN: "Please bring your smartphone.",
		FunctionList: "sales", DurationMinutes: 420, DefaultPriceCents: 49000, Published: true,
		Dates: []model.SeminarDate{d},
	}
	if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.CreateSeminar(e.ctx, &sem) }); err != nil {
		e.t.Fatal(err)
	}
	got, err := e.st.DateByID(e.ctx, sem.Dates[0].ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return got
}

// reserve books the attendees (first name, e-mail pairs) on a date by invoice.
func (e *env) reserve(dateID uint, lang string, attendees ...[2]string) booking.Result {
	e.t.Helper()
	req := booking.Request{
		DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: lang,
		Billing: model.Billing{Company: "Muster GmbH", Name: "Bea Billing", Email: "billing@muster.example",
			Street: "Weg 2", PostalCode: "20095", City: "Hamburg", Country: "DE"},
	}
	for _, a := range attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: a[0], LastName: "Muster", Email: a[1]})
	}
	res, err := e.book.Reserve(e.ctx, req)
	if err != nil {
		e.t.Fatalf("reserve: %v", err)
	}
	return res
}

// run does one worker round at the given time.
func (e *env) run(at time.Time) {
	e.t.Helper()
	if err := e.worker.RunOnce(e.ctx, at); err != nil {
		e.t.Fatalf("RunOnce: %v", err)
	}
}

// notify records an event as the admin and payment use cases do.
func (e *env) notify(key string, p model.EventPayload) {
	e.t.Helper()
	err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return booking.Notify(e.ctx, tx, key, p) })
	if err != nil {
		e.t.Fatal(err)
	}
}

// exec changes rows directly, for changes whose use cases other issues add.
func (e *env) exec(query string, args ...any) {
	e.t.Helper()
	if e.dbPath == "" {
		e.t.Fatal("exec needs the SQLite env (newEnv)")
	}
	db, err := sql.Open("sqlite3", e.dbPath+"?_busy_timeout=10000")
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
}

// inbox parses every message the SMTP server got, by recipient.
func (e *env) inbox() map[string][]parsedMail {
	e.t.Helper()
	out := map[string][]parsedMail{}
	for _, r := range e.smtp.messages() {
		p := parseMail(e.t, r)
		for _, to := range r.To {
			out[to] = append(out[to], p)
		}
	}
	return out
}

// outbox lists every outbox item.
func (e *env) outbox() []model.OutboxItem {
	e.t.Helper()
	items, err := e.st.ListOutbox(e.ctx, store.OutboxFilter{Limit: 500})
	if err != nil {
		e.t.Fatal(err)
	}
	return items
}
