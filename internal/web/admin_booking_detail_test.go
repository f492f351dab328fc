package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// detailEnv is newLedgerEnv with a real SMTP server the mail worker delivers to.
type detailEnv struct {
	*adminEnv
	app  *app.App
	smtp *inbox
}

func newDetailEnv(t *testing.T, st *store.Store) *detailEnv {
	t.Helper()
	box := startInbox(t)
	a := apptest.New(t, st, apptest.Config(t, "SEMINARS_SMTP_URL=smtp://"+box.addr, "SEMINARS_DATA_DIR="+t.TempDir()))
	srv, err := New(a)
	if err != nil {
		t.Fatal(err)
	}
	env := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	t.Cleanup(env.http.Close)
	env.owner = env.addUser("owner@example.com", model.RoleOwner)
	env.addUser("assistant@example.com", model.RoleAssistant)
	return &detailEnv{adminEnv: env, app: a, smtp: box}
}

// deliver runs the mail worker until the outbox has nothing due, and returns what arrived.
func (e *detailEnv) deliver() []delivered {
	e.t.Helper()
	before := len(e.smtp.all())
	for range 3 { // events become messages, messages are sent; a round does both
		if err := e.app.Mail.RunOnce(context.Background(), e.st.Now()); err != nil {
			e.t.Fatal(err)
		}
	}
	return e.smtp.all()[before:]
}

func TestBookingDetailPage(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		ctx := context.Background()
		env := newDetailEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		later := model.SeminarDate{StartsAt: date.StartsAt.AddDate(0, 1, 0), EndsAt: date.EndsAt.AddDate(0, 1, 0), Capacity: 10,
			Format: model.FormatInPerson, City: "Berlin", Venue: "Tagungshaus", Status: model.DatePublished}
		if err := env.srv.office.CreateDate(ctx, env.owner.Email, date.SeminarID, &later); err != nil {
			t.Fatal(err)
		}
		b, token := env.reserveInvoice(date.ID)
		env.deliver()
		if _, err := env.srv.office.RecordPayment(ctx, env.owner.Email, b.Reference,
			model.PaymentInput{AmountCents: 10000, PaidOn: st.Now().Format(time.DateOnly), Method: string(model.LedgerBankTransfer), Note: "erste Rate"}); err != nil {
			t.Fatal(err)
		}
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			_, err := tx.CheckInAttendee(ctx, date.ID, b.Attendees[0].ID, st.Now().In(storetest.Berlin()).Format(model.DayLayout), st.Now(), env.owner.Email)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		invoices, err := st.InvoicesForBooking(ctx, b.ID)
		if err != nil || len(invoices) != 1 {
			t.Fatalf("invoices %v %v", invoices, err)
		}
		number := invoices[0].Number
		page := "/admin/bookings/" + b.Reference
		owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
		english := env.signedIn("owner@example.com")
		english.get("/lang/en")
		content := []string{
			"Buchung " + b.Reference, "Ledger GmbH", "billing@ledger.example", "Weg 1, 10115 Berlin, DE",
			"Anna Muster", "Ben Muster", "✓", "noch nicht eingecheckt",
			"Gesamtbetrag", "Bezahlt", "100,00", "Offen", `data-amount-due="` + centsText(b.GrossCents-10000) + `"`, "Erstattet", "Zu erstatten",
			"erste Rate", "Überweisung", "Rechnung " + number, `href="/admin/invoices/` + number + `/pdf"`,
			`action="/admin/bookings/` + b.Reference + `/documents/` + number + `/send"`,
			"Teilnahmebescheinigung", `href="/admin/bookings/` + b.Reference + `/certificates/` + itoa(b.Attendees[0].ID) + `"`,
			"Versendete E-Mails", "billing@ledger.example", "erledigt",
			"Verlauf", "Buchung angelegt", "Rechnung " + number + " ausgestellt", "Zahlung erfasst", "Anna Muster eingecheckt",
			"E-Mail an anna@ledger.example versendet", "Alle Zeiten in deutscher Zeit (MEZ/MESZ)",
			"Bestätigung erneut senden", "Rechnungsdaten ändern", `href="/admin/bookings/` + b.Reference + `/move?return=detail"`,
			`/attendees/` + itoa(b.Attendees[1].ID) + `/substitute?return=detail"`, "Einzeln umbuchen",
		}
		ownerOnly := []string{`action="/admin/bookings/` + b.Reference + `/payments"`, `href="/admin/bookings/` + b.Reference + `/cancel"`,
			`href="/b/` + b.Reference + `?t=` + token + `"`}
		cases := []struct {
			name       string
			who        *adminBrowser
			path       string
			wantStatus int
			want       []string
			notWant    []string
		}{
			{"owner sees everything and every action", owner, page, 200, append(append([]string{}, content...), ownerOnly...), nil},
			{"assistant sees the page without the money actions", assistant, page, 200, content, ownerOnly},
			{"lower-case reference", owner, "/admin/bookings/" + strings.ToLower(b.Reference), 200, []string{"Buchung " + b.Reference}, nil},
			{"in English", english, page, 200, []string{"Booking " + b.Reference, "Billing data", "Attendees (2)", "Timeline", "Send again", "Mails sent"}, nil},
			{"unknown reference is the 404 page", owner, "/admin/bookings/SEM-ZZZZZZ", 404, []string{"Eine Buchung mit der Nummer SEM-ZZZZZZ gibt es nicht"}, nil},
			{"bad reference", owner, "/admin/bookings/" + url.PathEscape("<b>x</b>"), 400, []string{"Das ist keine Buchungsnummer"}, []string{"<b>x</b>"}},
			{"too long a reference", owner, "/admin/bookings/SEM-" + strings.Repeat("A", 40), 400, []string{"keine Buchungsnummer"}, nil},
			{"signed out", env.browser(), page, http.StatusSeeOther, nil, nil},
			{"linked from the booking list", owner, "/admin/bookings?q=" + b.Reference, 200, []string{`href="/admin/bookings/` + b.Reference + `"`}, nil},
			{"linked from the attendee list", owner, "/admin/dates/" + itoa(date.ID) + "/attendees", 200, []string{`href="/admin/bookings/` + b.Reference + `"`}, nil},
			{"certificate download", owner, "/admin/bookings/" + b.Reference + "/certificates/" + itoa(b.Attendees[0].ID), 200, []string{"%PDF"}, nil},
			{"no certificate before check-in", owner, "/admin/bookings/" + b.Reference + "/certificates/" + itoa(b.Attendees[1].ID), 404, nil, nil},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				res, body := tc.who.get(tc.path)
				if res.StatusCode != tc.wantStatus {
					t.Fatalf("status %d, want %d\n%s", res.StatusCode, tc.wantStatus, excerpt(body))
				}
				for _, w := range tc.want {
					if !strings.Contains(body, w) {
						t.Errorf("page lacks %q", w)
					}
				}
				for _, w := range tc.notWant {
					if strings.Contains(body, w) {
						t.Errorf("page has %q", w)
					}
				}
			})
		}

		t.Run("owner actions are refused to assistants", func(t *testing.T) {
			for _, path := range []string{page + "/payments", page + "/cancel"} {
				if res, _ := assistant.post(page, path, url.Values{"amount": {"1"}, "paid_on": {"2026-01-01"}, "method": {"cash"}}); res.StatusCode != http.StatusForbidden {
					t.Errorf("assistant POST %s: %d, want 403", path, res.StatusCode)
				}
			}
		})
		t.Run("a payment from the page returns to it; a bad one shows it with the message", func(t *testing.T) {
			res, _ := owner.post(page, page+"/payments", url.Values{"amount": {"50"}, "paid_on": {st.Now().Format(time.DateOnly)}, "method": {"cash"}, "return": {"detail"}})
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=payment" {
				t.Fatalf("payment: %d to %q", res.StatusCode, res.Header.Get("Location"))
			}
			res, body := owner.post(page, page+"/payments", url.Values{"amount": {"abc"}, "paid_on": {"gestern"}, "method": {"cash"}, "return": {"detail"}})
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Buchung "+b.Reference) || !strings.Contains(body, `role="alert"`) {
				t.Fatalf("bad payment: %d\n%s", res.StatusCode, excerpt(body))
			}
		})
		t.Run("substitute and move from the page return to it", func(t *testing.T) {
			ben := itoa(b.Attendees[1].ID)
			_, form := assistant.get(page + "/attendees/" + ben + "/substitute?return=detail")
			if !strings.Contains(form, `name="return" value="detail"`) {
				t.Fatalf("the substitute form forgets where it came from\n%s", excerpt(form))
			}
			res, _ := assistant.post(page, page+"/attendees/"+ben+"/substitute", url.Values{"first_name": {"Berta"}, "last_name": {"Neu"},
				"email": {"berta@ledger.example"}, "return": {"detail"}})
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=substituted" {
				t.Fatalf("substitute: %d to %q", res.StatusCode, res.Header.Get("Location"))
			}
			if _, body := assistant.get(page + "?done=substituted"); !strings.Contains(body, "Berta Neu") || !strings.Contains(body, "Teilnehmende Person ersetzt") {
				t.Error("the page does not show the substitute")
			}
			_, move := assistant.get(page + "/move?attendee=" + itoa(b.Attendees[0].ID) + "&return=detail")
			if !strings.Contains(move, `value="`+itoa(b.Attendees[0].ID)+`" selected`) || !strings.Contains(move, `name="return" value="detail"`) {
				t.Errorf("the move form does not preselect the attendee\n%s", excerpt(move))
			}
			res, _ = assistant.post(page, page+"/move", url.Values{"attendee": {ben}, "date": {itoa(later.ID)}, "return": {"detail"}})
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=moved" {
				t.Fatalf("move one attendee: %d to %q", res.StatusCode, res.Header.Get("Location"))
			}
			if _, body := assistant.get(page + "?done=moved"); !strings.Contains(body, "Umgebucht.") || !strings.Contains(body, "Gutschrift") ||
				!strings.Contains(body, "Teilnehmende (1)") || !strings.Contains(body, "new booking SEM-") {
				for _, w := range []string{"Umgebucht.", "Gutschrift", "Teilnehmende (1)", "new booking SEM-"} {
					if !strings.Contains(body, w) {
						t.Errorf("after moving Berta the page lacks %q", w)
					}
				}
			}
		})
		t.Run("cancel under the policy, from the page", func(t *testing.T) {
			_, confirm := owner.get(page + "/cancel")
			if !strings.Contains(confirm, "Nach den Stornobedingungen stornieren") || !strings.Contains(confirm, "Ohne Gebühr stornieren") {
				t.Fatalf("the cancel page offers no choice\n%s", excerpt(confirm))
			}
			res, _ := owner.post(page+"/cancel", page+"/cancel", url.Values{"fee": {"policy"}})
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=cancelled" {
				t.Fatalf("cancel: %d to %q", res.StatusCode, res.Header.Get("Location"))
			}
			_, body := owner.get(page + "?done=cancelled")
			for _, w := range []string{"Buchung storniert.", "Gutschrift", "policy: fee_cents"} {
				if !strings.Contains(body, w) {
					t.Errorf("after cancelling, the page lacks %q", w)
				}
			}
			if strings.Contains(body, "Bestätigung erneut senden") {
				t.Error("a cancelled booking still offers to re-send its confirmation")
			}
		})
	})
}

// TestSendDocumentAgain: "send again" queues one mail to the billing contact with the issued
// document's stored files, byte for byte, and records who asked; a number of another booking
// or none at all is a 404 and sends nothing.
func TestSendDocumentAgain(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		ctx := context.Background()
		env := newDetailEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		b, _ := env.reserveInvoice(date.ID)
		other, _ := env.reserveInvoice(date.ID)
		env.deliver()
		invoices, _ := st.InvoicesForBooking(ctx, b.ID)
		otherInvoices, _ := st.InvoicesForBooking(ctx, other.ID)
		inv := invoices[0]
		page := "/admin/bookings/" + b.Reference
		assistant := env.signedIn("assistant@example.com")

		for _, tc := range []struct {
			name, number string
			wantStatus   int
		}{
			{"another booking's invoice", otherInvoices[0].Number, 404},
			{"no such invoice", "RE-1999-99999", 404},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if res, _ := assistant.post(page, page+"/documents/"+tc.number+"/send", nil); res.StatusCode != tc.wantStatus {
					t.Fatalf("status %d, want %d", res.StatusCode, tc.wantStatus)
				}
			})
		}
		if got := env.deliver(); len(got) != 0 {
			t.Fatalf("refused requests sent %d mails", len(got))
		}

		res, _ := assistant.post(page, page+"/documents/"+inv.Number+"/send", nil)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"?done=document_sent" {
			t.Fatalf("send again: %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		got := env.deliver()
		if len(got) != 1 {
			t.Fatalf("%d mails, want 1", len(got))
		}
		m := got[0]
		if len(m.To) != 1 || m.To[0] != "billing@ledger.example" || !strings.Contains(m.Subject, inv.Number) {
			t.Fatalf("mail to %v, subject %q", m.To, m.Subject)
		}
		for _, kind := range []string{model.DocumentPDF, model.DocumentXML} {
			stored, err := st.IssuedDocument(ctx, inv.ID, kind)
			if err != nil {
				t.Fatal(err)
			}
			if a, ok := m.Files[inv.Number+"."+kind]; !ok || !bytes.Equal(a, stored.Data) {
				t.Errorf("attachment %s.%s: %d bytes (present %v), want the stored %d", inv.Number, kind, len(a), ok, len(stored.Data))
			}
		}
		_, body := assistant.get(page + "?done=document_sent")
		for _, w := range []string{"Das Dokument wird erneut", "Dokument erneut gesendet", "document: " + inv.Number, "assistant@example.com"} {
			if !strings.Contains(body, w) {
				t.Errorf("the page lacks %q", w)
			}
		}
	})
}

// TestResendConfirmationRotatesTheManageLink: re-sending the confirmation mails a new manage
// link; the link sent before answers 404 from then on, on the page and the API alike. A booking
// made before links were derived (its random token stored hashed) keeps its link until then.
func TestResendConfirmationRotatesTheManageLink(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		env := newDetailEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		derived, derivedToken := env.reserveInvoice(date.ID)
		legacy, legacyToken := env.reserveLegacy(date.ID)
		env.deliver()
		owner := env.signedIn("owner@example.com")
		for _, tc := range []struct {
			name  string
			b     model.Booking
			token string
		}{
			{"derived link", derived, derivedToken},
			{"link made before derivation", legacy, legacyToken},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if status := env.manageStatus(tc.b.Reference, tc.token); status != 200 {
					t.Fatalf("the first link answers %d", status)
				}
				page := "/admin/bookings/" + tc.b.Reference
				res, _ := owner.post(page, page+"/confirmation", nil)
				if res.StatusCode != http.StatusSeeOther {
					t.Fatalf("re-send: %d", res.StatusCode)
				}
				mails := env.deliver()
				if len(mails) != 1 || mails[0].To[0] != "billing@ledger.example" {
					t.Fatalf("re-send delivered %d mails (%v), want 1 to the billing contact", len(mails), mails)
				}
				link := manageLink.FindStringSubmatch(mails[0].Text)
				if link == nil || link[1] != tc.b.Reference {
					t.Fatalf("no manage link in the mail:\n%s", mails[0].Text)
				}
				fresh := link[2]
				if _, ok := mails[0].Files[invoiceNumberOf(t, env, tc.b)+".pdf"]; !ok {
					t.Errorf("the confirmation lacks the invoice; files %v", mails[0].Files)
				}
				if fresh == tc.token {
					t.Fatal("the new link is the old one")
				}
				for _, check := range []struct {
					what, token string
					want        int
				}{{"old link", tc.token, 404}, {"new link", fresh, 200}} {
					if status := env.manageStatus(tc.b.Reference, check.token); status != check.want {
						t.Errorf("%s: %d, want %d", check.what, status, check.want)
					}
					status, _ := env.api(http.MethodGet, "/api/v1/bookings/"+tc.b.Reference, check.token, "")
					if status != check.want {
						t.Errorf("%s on the API: %d, want %d", check.what, status, check.want)
					}
				}
				_, body := owner.get(page)
				if !strings.Contains(body, "Bestätigung erneut gesendet") || !strings.Contains(body, "manage_rotation") {
					t.Error("the re-send is not in the timeline")
				}
			})
		}
		t.Run("a cancelled booking has no confirmation to re-send", func(t *testing.T) {
			if _, err := env.srv.office.CancelBooking(context.Background(), "owner@example.com", derived.Reference); err != nil {
				t.Fatal(err)
			}
			page := "/admin/bookings/" + derived.Reference
			if res, _ := owner.post(page, page+"/confirmation", nil); res.StatusCode != http.StatusConflict {
				t.Fatalf("re-send after cancelling: %d, want 409", res.StatusCode)
			}
		})
	})
}

// TestVoucherEditAndSwitchOff: an owner edits a voucher's discount and switches it off, both in
// the audit log; a booking with a switched-off code is refused with a message that says so, and
// works again once it is switched on. Assistants can do neither.
func TestVoucherEditAndSwitchOff(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		ctx := context.Background()
		env := newLedgerEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		v := model.Voucher{Code: "FRUEH", Kind: model.VoucherPercent, PercentBP: 1000, Active: true}
		if err := env.srv.office.CreateVoucher(ctx, "owner@example.com", &v, ""); err != nil {
			t.Fatal(err)
		}
		id := itoa(v.ID)
		owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
		cases := []struct {
			name       string
			who        *adminBrowser
			method     string
			path       string
			form       url.Values
			wantStatus int
			want       []string
		}{
			{"edit form", owner, http.MethodGet, "/admin/vouchers/" + id, nil, 200, []string{"Gutschein FRUEH bearbeiten", `value="10"`, "Ausschalten"}},
			{"assistant may not edit", assistant, http.MethodGet, "/admin/vouchers/" + id, nil, 403, nil},
			{"assistant may not save", assistant, http.MethodPost, "/admin/vouchers/" + id, url.Values{"percent": {"50"}}, 403, nil},
			{"assistant may not switch off", assistant, http.MethodPost, "/admin/vouchers/" + id + "/active", url.Values{"active": {"0"}}, 403, nil},
			{"unknown voucher", owner, http.MethodGet, "/admin/vouchers/999999", nil, 404, nil},
			{"not an id", owner, http.MethodGet, "/admin/vouchers/abc", nil, 400, nil},
			{"bad value kept with its message", owner, http.MethodPost, "/admin/vouchers/" + id, url.Values{"percent": {"150"}}, 422, []string{"über 0 und höchstens 100", `value="150"`}},
			{"bad switch", owner, http.MethodPost, "/admin/vouchers/" + id + "/active", url.Values{"active": {"maybe"}}, 400, nil},
			{"save", owner, http.MethodPost, "/admin/vouchers/" + id, url.Values{"percent": {"20"}, "max_uses": {"5"}, "code": {"ANDERS"}}, 303, nil},
			{"saved", owner, http.MethodGet, "/admin/vouchers?done=updated", nil, 200, []string{"Gutschein gespeichert", "FRUEH", "20 %", "0 / 5", "aktiv"}},
			{"switch off", owner, http.MethodPost, "/admin/vouchers/" + id + "/active", url.Values{"active": {"0"}}, 303, nil},
			{"switched off", owner, http.MethodGet, "/admin/vouchers?done=switched_off", nil, 200, []string{"Gutschein ausgeschaltet", "ausgeschaltet"}},
			{"audited", owner, http.MethodGet, "/admin/audit", nil, 200, []string{"Gutschein geändert", "percent_bp: 1000 → 2000", "Gutschein ein-/ausgeschaltet", "active: true → false"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				var res *http.Response
				var body string
				if tc.method == http.MethodGet {
					res, body = tc.who.get(tc.path)
				} else {
					res, body = tc.who.post("/admin", tc.path, tc.form)
				}
				if res.StatusCode != tc.wantStatus {
					t.Fatalf("status %d, want %d\n%s", res.StatusCode, tc.wantStatus, excerpt(body))
				}
				for _, w := range tc.want {
					if !strings.Contains(body, w) {
						t.Errorf("body lacks %q", w)
					}
				}
			})
		}
		stored, err := st.VoucherByCode(ctx, "FRUEH")
		if err != nil || stored.PercentBP != 2000 || stored.MaxUses != 5 || stored.Active {
			t.Fatalf("stored %+v, %v", stored, err)
		}
		book := func() (int, string) {
			return env.api(http.MethodPost, "/api/v1/bookings", "", `{"date_id":`+itoa(date.ID)+`,"payment_method":"invoice","voucher":"frueh",
				"attendees":[{"first_name":"Vera","last_name":"Gutschein","email":"vera@example.com"}],
				"billing":{"company":"Code GmbH","name":"Vera","email":"vera@example.com","street":"Weg 2","postal_code":"10115","city":"Berlin","country":"DE"}}`)
		}
		if status, body := book(); status != http.StatusUnprocessableEntity || !strings.Contains(body, "deaktiviert") {
			t.Fatalf("booking with a switched-off code: %d %s", status, body)
		}
		if res, _ := owner.post("/admin", "/admin/vouchers/"+id+"/active", url.Values{"active": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("switch on: %d", res.StatusCode)
		}
		if status, body := book(); status != http.StatusCreated {
			t.Fatalf("booking once switched on: %d %s", status, body)
		}
	})
}

// reserveLegacy books as the service did before manage links were derived: a booking service
// without the server secret stores a random token's hash (rotation 0); the server, which has
// the secret, must still accept that token.
func (e *detailEnv) reserveLegacy(dateID uint) (model.Booking, string) {
	e.t.Helper()
	old := booking.New(e.st, e.srv.bookings.Settings(), e.st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	res, err := old.Reserve(context.Background(), booking.Request{DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Alt GmbH", Name: "Otto Alt", Email: "billing@ledger.example",
			Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Olga", LastName: "Alt", Email: "olga@ledger.example"}}})
	if err != nil {
		e.t.Fatal(err)
	}
	if res.Booking.ManageRotation != 0 || res.Booking.ManageTokenHash == "" {
		e.t.Fatalf("not a booking as made before: rotation %d, hash %q", res.Booking.ManageRotation, res.Booking.ManageTokenHash)
	}
	return res.Booking, res.ManageToken
}

// manageStatus is the status of the booker's manage page for a token.
func (e *detailEnv) manageStatus(reference, token string) int {
	e.t.Helper()
	res, err := http.Get(e.http.URL + "/b/" + reference + "?t=" + url.QueryEscape(token))
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func invoiceNumberOf(t *testing.T, e *detailEnv, b model.Booking) string {
	t.Helper()
	docs, err := e.st.InvoicesForBooking(context.Background(), b.ID)
	if err != nil || len(docs) == 0 {
		t.Fatalf("invoices of %s: %v %v", b.Reference, docs, err)
	}
	return docs[len(docs)-1].Number
}

var manageLink = regexp.MustCompile(`/b/(SEM-[A-Z0-9]+)\?t=([A-Za-z0-9_-]+)`)

// delivered is one message as the test SMTP server got it, decoded: text and attachments.
type delivered struct {
	To      []string
	Subject string
	Text    string
	Files   map[string][]byte
}

// inbox is a real SMTP server on a local port that keeps what it receives.
type inbox struct {
	addr string
	mu   sync.Mutex
	got  []delivered
	t    *testing.T
}

func startInbox(t *testing.T) *inbox {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	box := &inbox{addr: l.Addr().String(), t: t}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &inboxSession{box: box}, nil }))
	srv.Domain, srv.AllowInsecureAuth = "localhost", true
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return box
}

func (b *inbox) all() []delivered {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]delivered(nil), b.got...)
}

type inboxSession struct {
	box *inbox
	to  []string
}

func (s *inboxSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *inboxSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}
func (s *inboxSession) Reset()        { s.to = nil }
func (s *inboxSession) Logout() error { return nil }
func (s *inboxSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	d, err := decodeMail(raw)
	if err != nil {
		s.box.t.Errorf("undecodable mail: %v", err)
		return nil
	}
	d.To = s.to
	s.box.mu.Lock()
	s.box.got = append(s.box.got, d)
	s.box.mu.Unlock()
	return nil
}

// decodeMail reads a MIME message: its subject, its text parts joined, its attachments by name.
func decodeMail(raw []byte) (delivered, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return delivered{}, err
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	d := delivered{Subject: subject, Files: map[string][]byte{}}
	err = walkPart(msg.Header, msg.Body, &d)
	return d, err
}

type header interface{ Get(string) string }

func walkPart(h header, body io.Reader, d *delivered) error {
	mediaType, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		mediaType = "text/plain"
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := walkPart(p.Header, p, d); err != nil {
				return err
			}
		}
	}
	var content io.Reader = body
	switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
	case "base64":
		content = base64.NewDecoder(base64.StdEncoding, body)
	case "quoted-printable":
		content = quotedprintable.NewReader(body)
	}
	data, err := io.ReadAll(content)
	if err != nil {
		return err
	}
	if _, disp, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && disp["filename"] != "" {
		d.Files[disp["filename"]] = data
		return nil
	}
	if mediaType == "text/plain" {
		d.Text += string(data)
	}
	return nil
}

func centsText(n int64) string { return strconv.FormatInt(n, 10) }
