package web_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3" // to check attendees in, which no use case does yet

	"seminars/internal/app/apptest"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// docFixture is a server with one invoice booking that has an invoice, a credit note and one
// checked-in attendee, and a second booking of someone else.
type docFixture struct {
	url                 string
	ref, token          string
	otherRef, otherTok  string
	invoice, creditNote string
	checkedIn, absent   uint
}

func newDocFixture(t *testing.T) docFixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seminars.db")
	st, err := store.Open(context.Background(), path, storetest.NewClock(t).Option())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	srv, err := web.New(apptest.New(t, st, apptest.Config(t, "SEMINARS_DATABASE="+path)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	f := docFixture{url: ts.URL}
	f.ref, f.token = docBook(t, ts.URL, date.ID, "a@example.de", "b@example.de")
	f.otherRef, f.otherTok = docBook(t, ts.URL, date.ID, "c@example.de")

	b, err := st.BookingByReference(context.Background(), f.ref)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.InvoicesForBooking(context.Background(), b.ID)
	if err != nil || len(docs) != 1 {
		t.Fatalf("a confirmed invoice booking has %d invoices (%v), want 1", len(docs), err)
	}
	f.invoice = docs[0].Number
	err = st.WithTx(context.Background(), func(tx *store.Tx) error {
		cn, err := invoice.IssueCreditNote(context.Background(), tx, docs[0], docs[0].NetCents/2, "Ein Teilnehmer storniert", st.Now())
		f.creditNote = cn.Number
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	f.checkedIn, f.absent = b.Attendees[0].ID, b.Attendees[1].ID
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("UPDATE attendees SET checked_in_at = ? WHERE id = ?", st.Now(), f.checkedIn); err != nil {
		t.Fatal(err)
	}
	return f
}

// docBook books attendees by invoice through the API and returns reference and manage token.
func docBook(t *testing.T, base string, dateID uint, emails ...string) (string, string) {
	t.Helper()
	var attendees []map[string]string
	for i, e := range emails {
		attendees = append(attendees, map[string]string{"first_name": "Jörg", "last_name": fmt.Sprintf("Weiß %d", i), "email": e})
	}
	body, _ := json.Marshal(map[string]any{
		"date_id": dateID, "attendees": attendees, "payment_method": "invoice",
		"billing": map[string]string{
			"company": "Müller GmbH", "name": "Jürgen Groß", "email": "buchhaltung@example.de", "street": "Königsallee 5",
			"postal_code": "40212", "city": "Düsseldorf", "country": "DE", "buyer_reference": "991-12345-67",
		},
	})
	resp, err := http.Post(base+"/api/v1/bookings", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var created struct{ Reference, ManageURL string }
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &struct {
		Reference *string `json:"reference"`
		ManageURL *string `json:"manage_url"`
	}{&created.Reference, &created.ManageURL}); err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("booking: %d %s", resp.StatusCode, raw)
	}
	u, err := url.Parse(created.ManageURL)
	if err != nil {
		t.Fatal(err)
	}
	return created.Reference, u.Query().Get("t")
}

func docGet(t *testing.T, target string, headers ...string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(raw)
}

func TestDocumentDownloads(t *testing.T) {
	f := newDocFixture(t)
	doc := func(ref, file, token string) string {
		u := f.url + "/b/" + ref + "/documents/" + file
		if token != "" {
			u += "?t=" + token
		}
		return u
	}
	files := []string{
		f.invoice + ".pdf", f.invoice + ".xml", f.creditNote + ".pdf", f.creditNote + ".xml",
		fmt.Sprintf("certificate-%d.pdf", f.checkedIn),
	}
	type scenario struct {
		name, url   string
		headers     []string
		status      int
		contentType string
		content     string
	}
	scenarios := []scenario{
		{"invoice PDF", doc(f.ref, f.invoice+".pdf", f.token), nil, 200, "application/pdf", "%PDF"},
		{"e-invoice XML with the Leitweg-ID", doc(f.ref, f.invoice+".xml", f.token), nil, 200, "application/xml", "<ram:BuyerReference>991-12345-67</ram:BuyerReference>"},
		{"credit note PDF", doc(f.ref, f.creditNote+".pdf", f.token), nil, 200, "application/pdf", "%PDF"},
		{"credit note XML", doc(f.ref, f.creditNote+".xml", f.token), nil, 200, "application/xml", "<ram:TypeCode>381</ram:TypeCode>"},
		{"certificate of a checked-in attendee", doc(f.ref, fmt.Sprintf("certificate-%d.pdf", f.checkedIn), f.token), nil, 200, "application/pdf", "%PDF"},
		{"token as bearer header", doc(f.ref, f.invoice+".pdf", ""), []string{"Authorization", "Bearer " + f.token}, 200, "application/pdf", "%PDF"},
		{"no certificate for an attendee not checked in", doc(f.ref, fmt.Sprintf("certificate-%d.pdf", f.absent), f.token), nil, 404, "", ""},
		{"no certificate for another booking's attendee", doc(f.otherRef, fmt.Sprintf("certificate-%d.pdf", f.checkedIn), f.otherTok), nil, 404, "", ""},
		{"another booker's token cannot reach this invoice", doc(f.otherRef, f.invoice+".pdf", f.otherTok), nil, 404, "", ""},
		{"unknown document", doc(f.ref, "RE-1999-00001.pdf", f.token), nil, 404, "", ""},
		{"unknown format", doc(f.ref, f.invoice+".docx", f.token), nil, 404, "", ""},
	}
	for _, file := range files {
		scenarios = append(scenarios,
			scenario{"stranger without token: " + file, doc(f.ref, file, ""), nil, 404, "", ""},
			scenario{"stranger with a wrong token: " + file, doc(f.ref, file, strings.Repeat("A", len(f.token))), nil, 404, "", ""},
			scenario{"stranger with another booking's token: " + file, doc(f.ref, file, f.otherTok), nil, 404, "", ""},
		)
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			status, ctype, body := docGet(t, s.url, s.headers...)
			if status != s.status {
				t.Fatalf("status %d, want %d: %.200s", status, s.status, body)
			}
			if s.contentType != "" && !strings.HasPrefix(ctype, s.contentType) {
				t.Errorf("content type %q, want %q", ctype, s.contentType)
			}
			if !strings.Contains(body, s.content) {
				t.Errorf("body lacks %q: %.300s", s.content, body)
			}
			if s.status == 404 && strings.Contains(body, "%PDF") {
				t.Error("a 404 carried a document")
			}
		})
	}
}

func TestDocumentsListed(t *testing.T) {
	f := newDocFixture(t)
	status, _, body := docGet(t, f.url+"/api/v1/bookings/"+f.ref, "Authorization", "Bearer "+f.token)
	if status != 200 {
		t.Fatalf("booking JSON: %d %s", status, body)
	}
	var view struct {
		Documents []struct{ Kind, URL, Number, Attendee string } `json:"documents"`
	}
	if err := json.Unmarshal([]byte(body), &view); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, d := range view.Documents {
		kinds[d.Kind]++
		// Links are absolute on base_url (the default); the test server listens elsewhere.
		if status, _, _ := docGet(t, strings.Replace(d.URL, "http://localhost:8080", f.url, 1)); status != 200 {
			t.Errorf("listed %s %s answers %d", d.Kind, d.URL, status)
		}
		if !strings.Contains(d.URL, "t="+f.token) {
			t.Errorf("document URL %s does not carry the manage token", d.URL)
		}
	}
	want := map[string]int{model.InvoiceKindInvoice: 1, model.InvoiceKindCreditNote: 1, "e_invoice": 2, "certificate": 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d documents of kind %s, want %d (all: %+v)", kinds[k], k, n, view.Documents)
		}
	}

	status, _, page := docGet(t, f.url+"/b/"+f.ref+"?t="+f.token)
	if status != 200 {
		t.Fatalf("manage page: %d", status)
	}
	for _, w := range []string{"Rechnung (PDF) " + f.invoice, "E-Rechnung (XML)", "Rechnungskorrektur (PDF) " + f.creditNote, "Teilnahmebescheinigung (PDF): Jörg Weiß 0", "/documents/" + f.invoice + ".pdf?t=" + f.token} {
		if !strings.Contains(page, w) {
			t.Errorf("manage page lacks %q", w)
		}
	}
}

var docCSRF = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func TestAttendeeSubstitution(t *testing.T) {
	f := newDocFixture(t)
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	manage := f.url + "/b/" + f.ref + "?t=" + f.token
	get := func() string {
		resp, err := browser.Get(manage)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return string(raw)
	}
	page := get()
	m := docCSRF.FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, "Person ersetzen") {
		t.Fatalf("manage page has no substitution form:\n%s", page)
	}
	post := func(token, attendee, first, last, email string) (int, string, string) {
		form := url.Values{"_csrf": {m[1]}, "t": {token}, "attendee_id": {attendee}, "first_name": {first}, "last_name": {last}, "email": {email}}
		resp, err := browser.PostForm(f.url+"/b/"+f.ref+"/attendees", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(raw)
	}
	id := fmt.Sprint(f.checkedIn)
	cases := []struct {
		name, token, first, email string
		status                    int
		want                      string
	}{
		{"a stranger gets 404", "wrong", "Anna", "anna@example.de", 404, ""},
		{"invalid e-mail is shown with what was typed", f.token, "Anna", "not-an-email", 422, `value="not-an-email"`},
		{"someone else's address in the booking", f.token, "Anna", "b@example.de", 422, "Diese E-Mail-Adresse steht schon"},
		{"a valid substitution redirects to the manage page", f.token, "Anna", "anna@example.de", 303, "/b/" + f.ref + "?t=" + f.token},
	}
	for _, c := range cases {
		status, location, body := post(c.token, id, c.first, "Schäfer", c.email)
		if status != c.status {
			t.Errorf("%s: status %d, want %d", c.name, status, c.status)
		}
		if !strings.Contains(body+location, c.want) {
			t.Errorf("%s: response lacks %q", c.name, c.want)
		}
	}
	page = get()
	if !strings.Contains(page, "Anna Schäfer") || !strings.Contains(page, "anna@example.de") {
		t.Error("manage page does not show the new attendee")
	}
	if strings.Contains(page, "Teilnahmebescheinigung (PDF)") {
		t.Error("the new attendee has a certificate before being checked in")
	}
	// The invoice stays as issued: it still names the attendee who was booked then.
	_, _, xml := docGet(t, f.url+"/b/"+f.ref+"/documents/"+f.invoice+".xml?t="+f.token)
	if !strings.Contains(xml, "Jörg Weiß 0") || strings.Contains(xml, "Anna") {
		t.Errorf("issued invoice changed after a substitution:\n%s", xml)
	}
}
