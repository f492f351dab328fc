package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// newLedgerEnv is newAdminEnv on a given store (SQLite or PostgreSQL, with its fixed clock) and
// the shipped, invoice-only configuration.
func newLedgerEnv(t *testing.T, st *store.Store) *adminEnv {
	t.Helper()
	srv, err := New(apptest.New(t, st, apptest.Config(t)))
	if err != nil {
		t.Fatal(err)
	}
	env := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	t.Cleanup(env.http.Close)
	env.owner = env.addUser("owner@example.com", model.RoleOwner)
	env.addUser("assistant@example.com", model.RoleAssistant)
	return env
}

// reserveInvoice books two seats by invoice and returns the booking and its manage token.
func (e *adminEnv) reserveInvoice(dateID uint) (model.Booking, string) {
	e.t.Helper()
	req := booking.Request{DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Ledger GmbH", Name: "Erika Muster", Email: "billing@ledger.example",
			Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Muster", Email: "anna@ledger.example"},
			{FirstName: "Ben", LastName: "Muster", Email: "ben@ledger.example"}}}
	res, err := e.srv.bookings.Reserve(context.Background(), req)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.Booking, res.ManageToken
}

// money is what GET /api/v1/bookings/{reference} says the booking owes and is owed.
func (e *adminEnv) money(reference, manageToken string) (due, refundable int64) {
	e.t.Helper()
	status, body := e.api(http.MethodGet, "/api/v1/bookings/"+reference, manageToken, "")
	var v struct {
		Due        *int64 `json:"amount_due_cents"`
		Refundable *int64 `json:"amount_refundable_cents"`
	}
	if status != http.StatusOK || json.Unmarshal([]byte(body), &v) != nil || v.Due == nil || v.Refundable == nil {
		e.t.Fatalf("booking API: %d %s", status, body)
	}
	return *v.Due, *v.Refundable
}

// paymentReceivedMails counts the "payment received" mail events queued for a booking.
func (e *adminEnv) paymentReceivedMails(reference string) int {
	e.t.Helper()
	items, err := e.st.DueOutboxItems(context.Background(), model.TopicMailEvent, e.st.Now().Add(1000*time.Hour), 1000)
	if err != nil {
		e.t.Fatal(err)
	}
	n := 0
	for _, it := range items {
		if strings.HasPrefix(it.Key, model.TopicMailEvent.Key(string(model.EventPaymentReceived)+":"+reference+":")) {
			n++
		}
	}
	return n
}

// TestFeeOwedAfterCancellationIsAnOpenItem is issue 11's flow on the default, invoice-only
// configuration: the booker cancels inside the fee period; the API shows the fee as due, the
// back office lists it among the open items, "mark paid" records exactly the fee, and then
// nobody owes anything and the billing contact is told the payment arrived.
func TestFeeOwedAfterCancellationIsAnOpenItem(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		env := newLedgerEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, StartsIn: 10 * 24 * time.Hour})
		b, token := env.reserveInvoice(date.ID)
		if _, err := env.srv.bookings.CancelByBooker(context.Background(), b.Reference, token); err != nil {
			t.Fatal(err)
		}
		fee := b.GrossCents / 2
		if due, refundable := env.money(b.Reference, token); due != fee || refundable != 0 {
			t.Fatalf("after the cancellation: due %d, refundable %d; want the fee %d and 0", due, refundable, fee)
		}
		owner := env.signedIn(env.owner.Email)
		for _, list := range []string{"/admin/bookings?open=1", "/admin/bookings?overdue=1"} {
			_, page := owner.get(list)
			if got := strings.Contains(page, b.Reference); got != (list == "/admin/bookings?open=1") {
				t.Errorf("%s lists %s: %v (the fee is open, not yet overdue)", list, b.Reference, got)
			}
		}
		res, _ := owner.post("/admin/bookings?open=1", "/admin/bookings/"+b.Reference+"/paid", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("mark the fee paid: %d, want 303", res.StatusCode)
		}
		if due, refundable := env.money(b.Reference, token); due != 0 || refundable != 0 {
			t.Fatalf("after marking paid: due %d, refundable %d; want 0 and 0", due, refundable)
		}
		if n := env.paymentReceivedMails(b.Reference); n != 1 {
			t.Errorf("%d payment-received mails, want 1", n)
		}
		if _, page := owner.get("/admin/bookings?open=1"); strings.Contains(page, b.Reference) {
			t.Error("the paid fee is still an open item")
		}
		res, _ = owner.post("/admin/bookings", "/admin/bookings/"+b.Reference+"/paid", nil)
		if res.StatusCode != http.StatusConflict {
			t.Errorf("marking a settled booking paid again: %d, want 409", res.StatusCode)
		}
	})
}

// TestRecordPaymentAPI: partial payments add up, an overpayment by transfer becomes a manual
// refund for the trainer that the payout clears, bad input is refused per field, and only
// owners record payments.
func TestRecordPaymentAPI(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		env := newLedgerEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, StartsIn: 40 * 24 * time.Hour})
		b, token := env.reserveInvoice(date.ID)
		owner := env.apiToken()
		assistant, err := env.srv.auth.CreateAPIToken(context.Background(), "assistant", model.RoleAssistant)
		if err != nil {
			t.Fatal(err)
		}
		today := st.Now().In(storetest.Berlin()).Format(time.DateOnly)
		pay := func(cents int64) string {
			return fmt.Sprintf(`{"amount_cents":%d,"paid_on":%q,"method":"bank_transfer"}`, cents, today)
		}
		path := "/api/v1/admin/bookings/" + b.Reference + "/payments"
		steps := []struct {
			name            string
			token, body     string
			status          int
			due, refundable int64
			want            string // in the answer
		}{
			{"assistant refused", assistant, pay(10000), http.StatusForbidden, b.GrossCents, 0, "forbidden"},
			{"zero, bad day, unknown method", owner, `{"amount_cents":0,"paid_on":"10.03.2026","method":"bitcoin"}`, http.StatusUnprocessableEntity, b.GrossCents, 0, `"method"`},
			{"a day in the future", owner, `{"amount_cents":100,"paid_on":"2099-01-01","method":"cash"}`, http.StatusUnprocessableEntity, b.GrossCents, 0, `"paid_on"`},
			{"a payout of money nobody is owed", owner, pay(-100), http.StatusUnprocessableEntity, b.GrossCents, 0, `"amount_cents"`},
			{"first part", owner, pay(20000), http.StatusCreated, b.GrossCents - 20000, 0, `"payment_status":"partially_paid"`},
			{"the rest and 10 € too much", owner, pay(b.GrossCents - 20000 + 1000), http.StatusCreated, 0, 1000, `"payment_status":"overpaid"`},
			{"the 10 € sent back", owner, pay(-1000), http.StatusCreated, 0, 0, `"payment_status":"partially_refunded"`},
		}
		for _, s := range steps {
			status, body := env.api(http.MethodPost, path, s.token, s.body)
			if status != s.status || !strings.Contains(body, s.want) {
				t.Fatalf("%s: %d %s; want %d with %s", s.name, status, body, s.status, s.want)
			}
			if due, refundable := env.money(b.Reference, token); due != s.due || refundable != s.refundable {
				t.Fatalf("%s: due %d, refundable %d; want %d, %d", s.name, due, refundable, s.due, s.refundable)
			}
			got, err := st.BookingByReference(context.Background(), b.Reference)
			if err != nil {
				t.Fatal(err)
			}
			manual := got.NeedsAttention && got.AttentionReason == model.AttentionRefundManual
			if manual != (s.refundable > 0) || (manual && got.RefundDueCents != s.refundable) {
				t.Fatalf("%s: manual refund item %v (%d), want %d", s.name, manual, got.RefundDueCents, s.refundable)
			}
		}
		if n := env.paymentReceivedMails(b.Reference); n != 1 {
			t.Errorf("%d payment-received mails, want 1 (the payment that settled the invoice)", n)
		}
	})
}

// TestRecordPaymentForm: the owner records a payment on the booking's row (amounts as people
// write them); bad input shows the row again with the message; the assistant is refused.
func TestRecordPaymentForm(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		env := newLedgerEnv(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, StartsIn: 40 * 24 * time.Hour})
		b, token := env.reserveInvoice(date.ID)
		today := st.Now().In(storetest.Berlin()).Format(time.DateOnly)
		list := "/admin/bookings?q=" + b.Reference
		cases := []struct {
			name, who, amount, day string
			status                 int
			due                    int64
		}{
			{"assistant refused", "assistant@example.com", "100,00", today, http.StatusForbidden, b.GrossCents},
			{"not an amount", env.owner.Email, "viel", today, http.StatusUnprocessableEntity, b.GrossCents},
			{"100 euros by the owner", env.owner.Email, "100,00", today, http.StatusSeeOther, b.GrossCents - 10000},
		}
		for _, tc := range cases {
			browser := env.signedIn(tc.who)
			form := url.Values{"amount": {tc.amount}, "paid_on": {tc.day}, "method": {"cash"}}
			form.Set("_csrf", browser.csrf("/admin/bookings"))
			res, page := browser.post(list, "/admin/bookings/"+b.Reference+"/payments", form)
			if res.StatusCode != tc.status {
				t.Fatalf("%s: %d, want %d", tc.name, res.StatusCode, tc.status)
			}
			if tc.status == http.StatusUnprocessableEntity && !strings.Contains(page, "Bitte geben Sie einen Betrag an") {
				t.Errorf("%s: the page lacks the message", tc.name)
			}
			if due, _ := env.money(b.Reference, token); due != tc.due {
				t.Fatalf("%s: due %d, want %d", tc.name, due, tc.due)
			}
		}
	})
}
