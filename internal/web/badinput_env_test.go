package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// inputNow is the fixed clock of the input tests: a Tuesday morning in spring, weeks before the
// seeded date.
var inputNow = time.Date(2030, time.April, 2, 8, 30, 0, 0, time.UTC)

// inputEnv is the real server over one database with a bit of everything in it — a seminar and
// its date, a confirmed booking, an inquiry, an owner with a session and an API token — so that
// every form, JSON body and path has something to act on.
type inputEnv struct {
	*adminEnv
	owner   *adminBrowser // signed in as the owner
	visitor *adminBrowser // no session
	token   string        // the owner's API token
	date    model.SeminarDate
	ref     string // the confirmed booking's reference
	manage  string // and its manage token
	person  uint   // the booking's attendee
	inquiry uint
	de      *i18n.Translator
	csrf    map[*adminBrowser]string
}

func newInputEnv(t *testing.T, st *store.Store) *inputEnv {
	t.Helper()
	now := func() time.Time { return inputNow }
	a := apptest.NewWith(t, st, apptest.Config(t), now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	bookings := a.Bookings
	srv, err := New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	env := &inputEnv{adminEnv: &adminEnv{t: t, srv: srv, st: st, http: ts}, de: a.I18n.For("de"), csrf: map[*adminBrowser]string{}}
	ctx := context.Background()
	env.adminEnv.owner = env.addUser("owner@example.com", model.RoleOwner)
	env.owner = env.signedIn("owner@example.com")
	env.visitor = env.browser()
	if env.token, err = srv.auth.CreateAPIToken(ctx, "input test", model.RoleOwner); err != nil {
		t.Fatal(err)
	}
	env.date = storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20,
		StartsAt: time.Date(2030, time.May, 14, 7, 0, 0, 0, time.UTC), EndsAt: time.Date(2030, time.May, 14, 15, 0, 0, 0, time.UTC)})
	res, err := bookings.Reserve(ctx, booking.Request{DateID: env.date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Bea Billing", Email: "billing@muster.example",
			Street: "Weg 2", PostalCode: "20095", City: "Hamburg", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Muster", Email: "anna@muster.example"}}})
	if err != nil {
		t.Fatal(err)
	}
	env.ref, env.manage, env.person = res.Booking.Reference, res.ManageToken, res.Booking.Attendees[0].ID
	inq := model.InhouseInquiry{Company: "Firma", Name: "Ina", Email: "ina@firma.example", Topic: "Social Media",
		Participants: 8, Language: "de", Status: model.InquiryNew}
	if err := srv.office.SubmitInquiry(ctx, &inq); err != nil {
		t.Fatal(err)
	}
	env.inquiry = inq.ID
	return env
}

// send posts a form (with the browser's CSRF token, read once from page) or, when page is
// empty, a JSON body with the owner's API token. It returns status and body.
func (e *inputEnv) send(b *adminBrowser, page, path string, form url.Values, jsonBody string) (int, string) {
	e.t.Helper()
	var req *http.Request
	if page == "" {
		req, _ = http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader(jsonBody))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+e.token)
	} else {
		if e.csrf[b] == "" {
			e.csrf[b] = b.csrf(page)
		}
		form.Set("_csrf", e.csrf[b])
		req, _ = http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, body := b.do(req)
	return res.StatusCode, body
}

// rowCounts is every table's row count.
func (e *inputEnv) rowCounts() map[string]int64 {
	e.t.Helper()
	counts, err := e.st.RowCounts(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return counts
}

// jsonWith is body (JSON, with the placeholder string "@@BAD@@" as one value) with that value
// replaced: JSON-escaped when it is valid text, as raw bytes when it is not — a JSON encoder
// would have replaced those by U+FFFD, and the raw bytes are what an attacker sends.
func jsonWith(body, value string) string {
	quoted, _ := json.Marshal(value)
	if !strings.Contains(string(quoted), `\ufffd`) || strings.Contains(value, "\ufffd") {
		return strings.Replace(body, `"@@BAD@@"`, string(quoted), 1)
	}
	return strings.Replace(body, `"@@BAD@@"`, `"`+value+`"`, 1)
}

// changed lists the tables whose row count differs.
func changed(before, after map[string]int64) []string {
	var out []string
	for table, n := range after {
		if before[table] != n {
			out = append(out, fmt.Sprintf("%s %d→%d", table, before[table], n))
		}
	}
	return out
}
