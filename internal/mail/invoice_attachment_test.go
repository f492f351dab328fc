package mail_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/mail"
	"seminars/internal/model"
)

// The billing contact's confirmation carries the invoice as RE-<year>-<n>.pdf and its e-invoice
// as RE-<year>-<n>.xml, the same files the manage page offers; attendees get no invoice. The
// outbox row names the documents and holds none of their bytes: they are loaded from the stored
// documents when the message is sent, so what arrives is byte for byte the stored file.
func TestConfirmationCarriesTheInvoicePDFAndXML(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		date := e.seedDate(model.FormatOnline, time.Date(e.now.Year()+1, time.March, 3, 8, 0, 0, 0, time.UTC))
		e.smtp.setReject(true) // the first attempt fails: the message waits in the outbox
		res := e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
		t0 := e.now.Add(time.Minute)
		e.run(t0)

		docs, err := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
		if err != nil || len(docs) != 1 {
			t.Fatalf("invoices %v, %v", docs, err)
		}
		inv := docs[0]
		stored, payload := storedConfirmation(t, e)
		want := []mail.DocumentRef{
			{InvoiceID: inv.ID, Kind: model.DocumentPDF, Name: inv.Number + ".pdf"},
			{InvoiceID: inv.ID, Kind: model.DocumentXML, Name: inv.Number + ".xml"},
		}
		if fmt.Sprint(stored.Documents) != fmt.Sprint(want) || len(stored.Attachments) != 0 {
			t.Fatalf("stored confirmation names %v and holds %d attachments, want %v and none", stored.Documents, len(stored.Attachments), want)
		}
		pdf := issuedFile(t, e, inv.ID, model.DocumentPDF)
		xml := issuedFile(t, e, inv.ID, model.DocumentXML)
		assertNoDocumentBytes(t, payload, pdf)

		e.smtp.setReject(false)
		e.run(t0.Add(model.OutboxBackoff(1)))
		inbox := e.inbox()
		bill := only(t, inbox, "billing@muster.example")
		got := map[string]attachedFile{}
		for _, f := range bill.Files {
			got[f.Name] = f
		}
		if f := got[inv.Number+".pdf"]; f.Type != "application/pdf" || f.Data != string(pdf) {
			t.Errorf("billing mail's %s.pdf: %s, %d bytes, want the stored %d bytes", inv.Number, f.Type, len(f.Data), len(pdf))
		}
		if f := got[inv.Number+".xml"]; f.Type != "application/xml" || f.Data != string(xml) {
			t.Errorf("billing mail's %s.xml: %s, %d bytes, want the stored %d bytes", inv.Number, f.Type, len(f.Data), len(xml))
		}
		if !strings.HasPrefix(inv.Number, "RE-") || len(bill.Files) != 2 {
			t.Errorf("billing mail attachments %v, want the invoice's PDF and XML", names(bill.Files))
		}
		if att := only(t, inbox, "anna@muster.example"); len(att.Files) != 1 || att.Files[0].Name != "invite.ics" {
			t.Errorf("attendee mail attachments %v, want only the invite", names(att.Files))
		}
		// Delivered, the confirmation keeps its body (a business letter) without its manage link's
		// secret, still names the issued files and holds none of their bytes.
		if after, payload := storedConfirmation(t, e); !after.Scrubbed || after.Text == "" || len(after.Attachments) != 0 ||
			fmt.Sprint(after.Documents) != fmt.Sprint(want) || strings.Contains(payload, res.ManageToken) {
			t.Errorf("delivered confirmation: scrubbed %v, %d bytes of text, %d attachments, documents %v, manage token kept %v",
				after.Scrubbed, len(after.Text), len(after.Attachments), after.Documents, strings.Contains(payload, res.ManageToken))
		}
	})
}

// A renderer that changes between issuing and sending (a new release, a font fix) does not
// change what is mailed: the message carries the files stored when the invoice was issued. The
// files are stored here by an "old" renderer whose output differs from the worker's.
func TestMailedInvoiceIsTheIssuedFileAfterARendererChange(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		date := e.seedDate(model.FormatOnline, time.Date(e.now.Year()+1, time.March, 3, 8, 0, 0, 0, time.UTC))
		res := e.reserve(date.ID, "en", [2]string{"Anna", "anna@muster.example"})
		docs, err := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
		if err != nil || len(docs) != 1 {
			t.Fatalf("invoices %v, %v", docs, err)
		}
		catalog, err := i18n.New()
		if err != nil {
			t.Fatal(err)
		}
		old := invoice.NewDocuments(e.st, oldRenderer{invoice.NewRenderer(catalog, e.berlin)}, func() time.Time { return e.now })
		if err := old.RenderAll(e.ctx, docs[0]); err != nil {
			t.Fatal(err)
		}

		e.run(e.now.Add(time.Minute))
		bill := only(t, e.inbox(), "billing@muster.example")
		for _, f := range bill.Files {
			kind := strings.TrimPrefix(f.Name, docs[0].Number+".")
			if kind != model.DocumentPDF && kind != model.DocumentXML {
				continue
			}
			if want := issuedFile(t, e, docs[0].ID, kind); f.Data != string(want) || !strings.Contains(f.Data, "old renderer") {
				t.Errorf("mailed %s is not the file stored at issue (%d vs %d bytes)", f.Name, len(f.Data), len(want))
			}
		}
		if len(bill.Files) != 2 {
			t.Errorf("billing mail attachments %v, want the invoice's PDF and XML", names(bill.Files))
		}
	})
}

// The worker renders a missing file with the Documents it is given (mail.New's: the app's
// one, which the render job uses too, so the two share one render of each file), not with one
// of its own: the file mailed is the one that Documents rendered and stored.
func TestMailRendersMissingFilesWithTheDocumentsItIsGiven(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		date := e.seedDate(model.FormatOnline, time.Date(e.now.Year()+1, time.March, 3, 8, 0, 0, 0, time.UTC))
		res := e.reserve(date.ID, "en", [2]string{"Anna", "anna@muster.example"})
		docs, err := e.st.InvoicesForBooking(e.ctx, res.Booking.ID)
		if err != nil || len(docs) != 1 {
			t.Fatalf("invoices %v, %v", docs, err)
		}
		catalog, err := i18n.New()
		if err != nil {
			t.Fatal(err)
		}
		sender, err := mail.NewSender(e.smtp.url(), "", 1)
		if err != nil {
			t.Fatal(err)
		}
		e.worker = e.newWorkerWith(sender, invoice.NewDocuments(e.st, oldRenderer{invoice.NewRenderer(catalog, e.berlin)}, func() time.Time { return e.now }))

		e.run(e.now.Add(time.Minute))
		bill := only(t, e.inbox(), "billing@muster.example")
		if len(bill.Files) != 2 {
			t.Fatalf("billing mail attachments %v, want the invoice's PDF and XML", names(bill.Files))
		}
		for _, f := range bill.Files {
			kind := strings.TrimPrefix(f.Name, docs[0].Number+".")
			if want := issuedFile(t, e, docs[0].ID, kind); f.Data != string(want) || !strings.Contains(f.Data, "old renderer") {
				t.Errorf("mailed %s was not rendered and stored by the given Documents (%d vs %d bytes stored)", f.Name, len(f.Data), len(want))
			}
		}
	})
}

// oldRenderer is the renderer of an earlier release: its files end in a mark today's lacks.
type oldRenderer struct{ now *invoice.Renderer }

func (r oldRenderer) InvoicePDF(inv model.Invoice) ([]byte, error) {
	pdf, err := r.now.InvoicePDF(inv)
	return append(pdf, "% old renderer\n"...), err
}

func (r oldRenderer) EInvoiceXML(inv model.Invoice) ([]byte, error) {
	xml, err := r.now.EInvoiceXML(inv)
	return append(xml, "<!-- old renderer -->\n"...), err
}

// A burst of confirmations waiting for the mail server does not grow the SQLite file by a copy
// of every invoice: the pending rows hold references, not PDFs. The file (with its WAL) grows by
// less than the invoices' PDFs alone would take; the old rows, with the PDF inside, took more
// than that in base64. 2,000 bookings (200 with -short).
func TestPendingConfirmationsDoNotGrowTheDatabaseByTheirAttachments(t *testing.T) {
	bookings := 2000
	if testing.Short() {
		bookings = 200
	}
	e := newEnv(t)
	date := e.seedDate(model.FormatOnline, time.Date(e.now.Year()+1, time.March, 3, 8, 0, 0, 0, time.UTC))
	e.exec("UPDATE seminar_dates SET capacity = ? WHERE id = ?", bookings, date.ID)
	var lastBooking uint
	for i := range bookings {
		lastBooking = e.reserve(date.ID, "de", [2]string{"Anna", fmt.Sprintf("anna%d@muster.example", i)}).Booking.ID
	}
	before := fileSize(t, e.dbPath)
	for range bookings/50 + 1 {
		if err := e.worker.ExpandEvents(e.ctx, e.now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	grown := fileSize(t, e.dbPath) - before

	pending, payloadBytes := pendingConfirmations(t, e)
	if pending != bookings {
		t.Fatalf("%d pending confirmations, want %d", pending, bookings)
	}
	docs, err := e.st.InvoicesForBooking(e.ctx, lastBooking)
	if err != nil || len(docs) != 1 {
		t.Fatalf("invoices %v, %v", docs, err)
	}
	pdf := issuedFile(t, e, docs[0].ID, model.DocumentPDF)
	xml := issuedFile(t, e, docs[0].ID, model.DocumentXML)
	attachments := int64(bookings) * int64(len(pdf))
	t.Logf("%d pending confirmations (%.1f MiB of payload) grew the database by %.1f MiB; their PDFs alone are %.1f MiB (PDF %d B, XML %d B)",
		bookings, mib(payloadBytes), mib(grown), mib(attachments), len(pdf), len(xml))
	if grown >= attachments {
		t.Errorf("the database grew by %.1f MiB, at least the %.1f MiB of the attachments it should not hold", mib(grown), mib(attachments))
	}
}

// pendingConfirmations counts the billing contacts' confirmations waiting in the outbox and the
// bytes of their payloads.
func pendingConfirmations(t *testing.T, e *env) (count int, payloadBytes int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", e.dbPath+"?_busy_timeout=10000&mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0) FROM outbox_items
		WHERE topic = ? AND status = ? AND payload LIKE '%"kind":"billing_booking_confirmed"%'`,
		model.TopicMailSend, model.OutboxPending).Scan(&count, &payloadBytes)
	if err != nil {
		t.Fatal(err)
	}
	return count, payloadBytes
}

// issuedFile is the stored file of an invoice, rendered and stored on the way if missing.
func issuedFile(t *testing.T, e *env, invoiceID uint, kind string) []byte {
	t.Helper()
	inv, err := e.st.InvoiceByID(e.ctx, invoiceID)
	if err != nil {
		t.Fatal(err)
	}
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := invoice.NewDocuments(e.st, invoice.NewRenderer(catalog, e.berlin), func() time.Time { return e.now }).File(context.Background(), inv, kind)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Data
}

// assertNoDocumentBytes fails if an outbox payload holds a PDF, raw or base64-encoded, or is as
// large as the PDF it refers to.
func assertNoDocumentBytes(t *testing.T, payload string, pdf []byte) {
	t.Helper()
	for _, mark := range []string{"%PDF", "JVBER" /* base64 of %PDF */, "<?xml", "PD94bWw" /* base64 of <?xml */} {
		if strings.Contains(payload, mark) {
			t.Errorf("the outbox payload holds %q: a rendered document", mark)
		}
	}
	if len(payload) >= len(pdf) {
		t.Errorf("the outbox payload is %d bytes, as large as the %d-byte PDF it names", len(payload), len(pdf))
	}
}

// storedConfirmation reads the billing contact's confirmation from the outbox, with its raw payload.
func storedConfirmation(t *testing.T, e *env) (mail.Message, string) {
	t.Helper()
	for _, item := range e.outbox() {
		var m mail.Message
		if item.Topic == model.TopicMailSend && json.Unmarshal([]byte(item.Payload), &m) == nil && m.Kind == "billing_booking_confirmed" {
			return m, item.Payload
		}
	}
	t.Fatal("no billing confirmation in the outbox")
	return mail.Message{}, ""
}

// fileSize is the size of a SQLite database with its write-ahead log.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		info, err := os.Stat(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if err == nil {
			total += info.Size()
		}
	}
	return total
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

func names(files []attachedFile) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.Name+" ("+f.Type+")")
	}
	return out
}
