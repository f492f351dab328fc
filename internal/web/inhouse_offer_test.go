package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

var (
	offerLink   = regexp.MustCompile(`/(en/)?angebot/(\d+)/([A-Za-z0-9_-]{43})`)
	inhouseLink = regexp.MustCompile(`/(?:en/)?book/(\d+)\?k=([A-Za-z0-9_-]{43})`)
)

// inhouseEnv is accountsEnv with a seminar and one in-house inquiry to answer.
type inhouseEnv struct {
	*accountsEnv
	seminar model.SeminarDate // a catalogue date of the seminar offered
	inquiry model.InhouseInquiry
}

func newInhouseEnv(t *testing.T, st *store.Store, lang string) *inhouseEnv {
	t.Helper()
	e := &inhouseEnv{accountsEnv: newAccountsEnv(t, st, storetest.NewClock(t))}
	e.seminar = storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, Clock: e.clk})
	e.inquiry = model.InhouseInquiry{Company: "Kunde & Co. KG", Name: "Kim Kunde", Email: "kim@kunde.example",
		Topic: "Social Media im Vertrieb", Participants: 12, Language: lang}
	if err := e.srv.office.SubmitInquiry(context.Background(), &e.inquiry); err != nil {
		t.Fatal(err)
	}
	return e
}

// offerForm is a valid offer form: two proposed dates in February 2027.
func (e *inhouseEnv) offerForm(pricing, price string) url.Values {
	return url.Values{"seminar_id": {fmt.Sprint(e.seminar.SeminarID)}, "persons": {"12"}, "pricing": {pricing},
		"price_net": {price}, "valid_until": {"2026-12-31"}, "format": {"in_person"}, "city": {"Köln"},
		"venue": {"Kunde & Co., Schulungsraum 2"}, "address": {"Domstraße 1, 50667 Köln"},
		"language": {e.inquiry.Language}, "text": {"Wie besprochen: ein Tag für Ihr Vertriebsteam."},
		"date_1_start": {"2027-02-10T09:00"}, "date_1_end": {"2027-02-10T17:00"},
		"date_2_start": {"2027-03-03T09:00"}, "date_2_end": {"2027-03-03T17:00"}}
}

// mailed returns the text of the messages to rcpt, quoted-printable decoded.
func (e *inhouseEnv) mailed(rcpt string) []string {
	e.t.Helper()
	e.deliver()
	var out []string
	for _, raw := range e.mail.to(rcpt) {
		text, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(raw)))
		out = append(out, string(text))
	}
	return out
}

// call sends a JSON request, with a bearer token if one is given.
func (e *inhouseEnv) call(method, path, token, body string) (int, string) {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.http.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

// inhouseBookingForm is the booking form of a company booking rows attendees by invoice.
func inhouseBookingForm(rows int) url.Values {
	v := url.Values{"attendee_count": {fmt.Sprint(rows)}, "action": {"book"}, "payment_method": {"invoice"}, "accept_terms": {"yes"}, "confirm_business": {"yes"},
		"billing.company": {"Kunde & Co. KG"}, "billing.name": {"Kim Kunde"}, "billing.email": {"einkauf@kunde.example"},
		"billing.street": {"Domstraße 1"}, "billing.postal_code": {"50667"}, "billing.city": {"Köln"}, "billing.country": {"DE"}}
	for i := range rows {
		v.Set(fmt.Sprintf("attendees[%d].first_name", i), "Anna")
		v.Set(fmt.Sprintf("attendees[%d].last_name", i), fmt.Sprintf("Schmidt %d", i))
		v.Set(fmt.Sprintf("attendees[%d].email", i), fmt.Sprintf("anna%d@kunde.example", i))
	}
	return v
}

func (e *inhouseEnv) countOffers() int {
	offers, err := e.st.Offers(context.Background(), 0, 100)
	if err != nil {
		e.t.Fatal(err)
	}
	return len(offers)
}

// TestInhouseOfferFlatPrice walks the whole in-house path in the back office and on the
// company's pages, on SQLite and PostgreSQL: the trainer writes a flat-price offer from the
// inquiry (bad input refused with nothing stored; assistants may not set prices), the offer is
// numbered in its own series and its PDF stored, mailed with the PDF and the private link; the
// company accepts one of the dates, which becomes an unlisted date nobody else can see or book;
// the company books its attendees through the private link and is invoiced one flat line.
func TestInhouseOfferFlatPrice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newInhouseEnv(t, st, "de")
		owner := e.signedIn("owner@example.com")
		newPage := fmt.Sprintf("/admin/inquiries/%d/offers/new", e.inquiry.ID)
		create := fmt.Sprintf("/admin/inquiries/%d/offers", e.inquiry.ID)
		if res, body := owner.get(newPage); res.StatusCode != http.StatusOK || !strings.Contains(body, "Angebot für Kunde &amp; Co. KG") {
			t.Fatalf("offer form: %d\n%s", res.StatusCode, excerpt(body))
		}
		if res, _ := e.signedIn("assistant@example.com").get(newPage); res.StatusCode != http.StatusForbidden {
			t.Fatalf("an assistant may write offers (prices): %d", res.StatusCode)
		}
		bad := []struct {
			name, field, value, want string
		}{
			{"no price", "price_net", "", "Betrag in Euro"},
			{"date in the past", "date_1_start", "2025-02-10T09:00", "in der Vergangenheit"},
			{"end before start", "date_2_end", "2027-03-03T08:00", "nach dem Beginn"},
			{"expired validity", "valid_until", "2026-11-01", "mindestens bis heute"},
			{"unknown pricing", "pricing", "auction", "Pauschalpreis oder Preis je Person"},
			{"control character", "text", "a\x00b", ""},
		}
		for _, c := range bad {
			form := e.offerForm(model.PricingFlat, "4.800")
			form.Set(c.field, c.value)
			res, body := owner.post(newPage, create, form)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, c.want) || e.countOffers() != 0 {
				t.Fatalf("%s: status %d, offers %d, want %q in\n%s", c.name, res.StatusCode, e.countOffers(), c.want, excerpt(body))
			}
		}
		res, _ := owner.post(newPage, create, e.offerForm(model.PricingFlat, "4.800"))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", res.StatusCode)
		}
		offers, _ := st.Offers(context.Background(), e.inquiry.ID, 10)
		o := offers[0]
		if o.Number != "AN-2026-00001" || o.NetCents() != 480000 || o.Status != model.OfferSent {
			t.Fatalf("offer %s, net %d, %s", o.Number, o.NetCents(), o.Status)
		}
		if _, inbox := owner.get("/admin/inquiries"); !strings.Contains(inbox, fmt.Sprintf(`<a href="/admin/offers/%d">AN-2026-00001</a>`, o.ID)) {
			t.Fatalf("the inbox does not link the offer:\n%s", excerpt(inbox))
		}
		if inq, _ := st.InquiryByID(context.Background(), e.inquiry.ID); inq.Status != model.InquiryDone {
			t.Fatalf("the answered inquiry is still %s", inq.Status)
		}

		// The PDF is rendered once by the document worker and stored; downloads serve those bytes.
		if _, err := e.app.Documents.RenderDue(context.Background(), e.app.Runner, e.clk.Now()); err != nil {
			t.Fatal(err)
		}
		stored, err := st.OfferDocument(context.Background(), o.ID)
		if err != nil {
			t.Fatalf("offer PDF not stored: %v", err)
		}
		res, pdf := owner.get(fmt.Sprintf("/admin/offers/%d/pdf", o.ID))
		if res.StatusCode != http.StatusOK || pdf != string(stored.Data) {
			t.Fatalf("admin PDF download: %d, same bytes %v", res.StatusCode, pdf == string(stored.Data))
		}
		text := pdfTextOf(t, stored.Data)
		for _, want := range []string{"Angebot AN-2026-00001", "Kunde & Co. KG", "Pauschalpreis für bis zu 12 Personen", "4.800,00 €", "5.712,00 €", "10.02.2027, 09:00–17:00", "31.12.2026"} {
			if !strings.Contains(text, want) {
				t.Errorf("offer PDF lacks %q:\n%s", want, text)
			}
		}

		// The company's mail carries the PDF and the private link.
		var link []string
		for _, m := range e.mailed("kim@kunde.example") {
			if strings.Contains(m, "AN-2026-00001.pdf") {
				link = offerLink.FindStringSubmatch(m)
			}
		}
		if link == nil {
			t.Fatal("no offer mail with the PDF and the private link")
		}
		company := e.browser()
		page := link[0]
		if res, _ := company.get(fmt.Sprintf("/angebot/%s/%s", link[2], strings.Repeat("A", 43))); res.StatusCode != http.StatusNotFound {
			t.Fatalf("a wrong token: %d", res.StatusCode)
		}
		if res, body := company.get(page); res.StatusCode != http.StatusOK || !strings.Contains(body, "Angebot annehmen") || !strings.Contains(body, "4.800,00") {
			t.Fatalf("offer page: %d\n%s", res.StatusCode, excerpt(body))
		}
		if res, body := company.post(page, page, url.Values{"choice": {"7"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "vorgeschlagenen Termine") {
			t.Fatalf("a choice that names no date: %d", res.StatusCode)
		}
		if res, _ := company.post(page, page, url.Values{"choice": {"2"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("accept: %d", res.StatusCode)
		}
		_, body := company.get(page)
		book := inhouseLink.FindStringSubmatch(body)
		if book == nil {
			t.Fatalf("the accepted offer's page has no booking link:\n%s", excerpt(body))
		}
		if res, _ := owner.post(fmt.Sprintf("/admin/offers/%d", o.ID), fmt.Sprintf("/admin/offers/%d/accept", o.ID), url.Values{"choice": {"1"}}); res.StatusCode != http.StatusConflict {
			t.Fatalf("accepting twice: %d", res.StatusCode)
		}
		o, _ = st.OfferByID(context.Background(), o.ID)
		date, _ := st.DateByID(context.Background(), *o.DateID)
		if !date.Unlisted || date.FlatPriceNetCents != 480000 || date.Capacity != 12 || !date.Guaranteed() ||
			date.StartsAt.In(storetest.Berlin()).Format("2006-01-02 15:04") != "2027-03-03 09:00" {
			t.Fatalf("unlisted date: %+v", date)
		}
		mails := strings.Join(e.mailed("kim@kunde.example"), "\n")
		if !inhouseLink.MatchString(mails) || !strings.Contains(mails, "Ihr Inhouse-Termin steht") {
			t.Fatal("the company was not sent its booking link")
		}
		if owners := strings.Join(e.mailed("owner@example.com"), "\n"); !strings.Contains(owners, "Angebot AN-2026-00001 angenommen") {
			t.Fatal("the owners were not told")
		}

		// Unlisted: in no public list, and not bookable without the key.
		dateID := book[1]
		visitor := e.browser()
		for _, path := range []string{"/api/v1/seminars", "/", "/sitemap.xml", "/seminars/" + date.Seminar.Slug, "/en/"} {
			if _, body := visitor.get(path); strings.Contains(body, "/book/"+dateID+`"`) || strings.Contains(body, `"id":`+dateID+",") {
				t.Errorf("%s shows the unlisted date %s", path, dateID)
			}
		}
		for _, path := range []string{"/book/" + dateID, "/book/" + dateID + "?k=" + strings.Repeat("B", 43), "/waitlist/" + dateID} {
			if res, _ := visitor.get(path); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", path, res.StatusCode)
			}
		}
		apiBody := fmt.Sprintf(`{"date_id":%s,"payment_method":"invoice","attendees":[{"first_name":"A","last_name":"B","email":"a@b.example"}],
			"billing":{"company":"X GmbH","name":"X","email":"x@x.example","street":"S 1","postal_code":"10115","city":"Berlin","country":"DE"}}`, dateID)
		if code, _ := e.call(http.MethodPost, "/api/v1/bookings", "", apiBody); code != http.StatusNotFound {
			t.Fatalf("the public API booked the unlisted date: %d", code)
		}

		// The company books its attendees through the private link: one flat invoice line.
		bookPage := book[0]
		if _, body := company.get(bookPage); !strings.Contains(body, "Pauschalpreis für das ganze Seminar") || strings.Contains(body, `name="voucher"`) {
			t.Fatalf("the in-house booking form:\n%s", excerpt(body))
		}
		form := inhouseBookingForm(3)
		if res, total := company.post(bookPage, strings.Replace(bookPage, "?k=", "/total?k=", 1), form); res.StatusCode != http.StatusOK ||
			!strings.Contains(total, "Pauschalpreis für das ganze Seminar (Teilnehmende: 3)") || !strings.Contains(total, "5.712,00") {
			t.Fatalf("the form's total of the flat date: %d\n%s", res.StatusCode, total)
		}
		res, _ = company.post(bookPage, bookPage, form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("book through the private link: %d", res.StatusCode)
		}
		bookings, _ := st.BookingsOfDate(context.Background(), date.ID)
		if len(bookings) != 1 || !bookings[0].FlatPrice || bookings[0].NetCents != 480000 || bookings[0].GrossCents != 571200 {
			t.Fatalf("bookings %+v", bookings)
		}
		docs, _ := st.InvoicesForBooking(context.Background(), bookings[0].ID)
		if len(docs) != 1 || len(docs[0].Lines) != 1 || docs[0].Lines[0].Quantity != 1 || docs[0].NetCents != 480000 ||
			!strings.Contains(docs[0].Lines[0].Description, "Pauschalpreis") || !strings.Contains(docs[0].Lines[0].Description, "Anna Schmidt 2") {
			t.Fatalf("invoice %+v", docs)
		}
		if res, body := company.post(bookPage, bookPage, form); res.StatusCode != http.StatusConflict || !strings.Contains(body, "bereits gebucht") {
			t.Fatalf("a second booking of the flat date: %d", res.StatusCode)
		}
		if _, body := owner.get(fmt.Sprintf("/admin/offers/%d", o.ID)); !strings.Contains(body, bookings[0].Reference) || !strings.Contains(body, "nicht öffentlich") {
			t.Fatalf("the offer page lacks the booking:\n%s", excerpt(body))
		}
		if code, export := e.call(http.MethodGet, "/api/v1/admin/gdpr/export?email=kim@kunde.example", e.token(model.RoleOwner), ""); code != http.StatusOK || !strings.Contains(export, `"number":"AN-2026-00001"`) {
			t.Fatalf("the GDPR export lacks the offer: %d %s", code, export)
		}
		if code, out := e.call(http.MethodPatch, "/api/v1/admin/dates/"+dateID, e.token(model.RoleOwner), `{"price_net_cents":500000}`); code != http.StatusOK ||
			!strings.Contains(out, `"unlisted":true`) || !strings.Contains(out, `"flat_price_net_cents":500000`) {
			t.Fatalf("a new price for the flat date: %d %s", code, out)
		}
		_, audit := owner.get("/admin/audit")
		for _, action := range []string{model.AuditOfferCreated, model.AuditOfferAccepted} {
			if !strings.Contains(audit, action) {
				t.Errorf("audit log lacks %s", action)
			}
		}
	})
}

// TestInhouseOfferPerPersonAPI: the same path through the admin API, in English, priced per
// person: the offer has its own number series (invoices keep theirs), the trainer marks it
// accepted, and the booking is invoiced per seat.
func TestInhouseOfferPerPersonAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newInhouseEnv(t, st, "en")
		before := e.book(e.seminar.ID, "Catalogue GmbH", "Ada Lovelace") // takes RE-2026-00001
		token := e.token(model.RoleOwner)
		call := func(method, path, body string) (int, string) { return e.call(method, path, token, body) }
		body := fmt.Sprintf(`{"seminar_id":%d,"persons":5,"pricing":"per_person","price_net_cents":59000,"valid_until":"2027-01-15",
			"format":"online","language":"en","proposed_dates":[{"starts_at":"2027-01-20T08:00:00Z","ends_at":"2027-01-20T16:00:00Z"}]}`, e.seminar.SeminarID)
		if code, out := call(http.MethodPost, fmt.Sprintf("/api/v1/admin/inquiries/%d/offers", e.inquiry.ID), strings.Replace(body, "59000", "-1", 1)); code != http.StatusUnprocessableEntity || !strings.Contains(out, "price_net_cents") {
			t.Fatalf("bad price: %d %s", code, out)
		}
		code, out := call(http.MethodPost, fmt.Sprintf("/api/v1/admin/inquiries/%d/offers", e.inquiry.ID), body)
		var o adminOfferJSON
		if err := json.Unmarshal([]byte(out), &o); code != http.StatusCreated || err != nil {
			t.Fatalf("create: %d %s", code, out)
		}
		if o.Number != "AN-2026-00001" || o.TotalNetCents != 295000 || !strings.Contains(o.OfferURL, "/en/angebot/") {
			t.Fatalf("offer %+v", o)
		}
		mails := strings.Join(e.mailed("kim@kunde.example"), "\n")
		if !strings.Contains(mails, "Your offer AN-2026-00001") || !strings.Contains(mails, "/en/angebot/") {
			t.Fatal("the English offer mail is missing or not in English")
		}
		if _, page := e.browser().get(strings.TrimPrefix(o.OfferURL, e.srv.cfg.BaseURL)); !strings.Contains(page, "Accept offer") {
			t.Fatalf("English offer page:\n%s", excerpt(page))
		}
		if code, out := call(http.MethodPost, fmt.Sprintf("/api/v1/admin/offers/%d/accept", o.ID), `{"choice":2}`); code != http.StatusUnprocessableEntity {
			t.Fatalf("choice 2 of 1: %d %s", code, out)
		}
		if code, out := call(http.MethodPost, fmt.Sprintf("/api/v1/admin/offers/%d/accept", o.ID), `{"choice":1}`); code != http.StatusOK || !strings.Contains(out, `"status":"accepted"`) {
			t.Fatalf("accept: %d %s", code, out)
		}
		_, out = call(http.MethodGet, fmt.Sprintf("/api/v1/admin/offers/%d", o.ID), "")
		if err := json.Unmarshal([]byte(out), &o); err != nil || o.BookingURL == "" || o.DateID == nil {
			t.Fatalf("offer after accepting: %s", out)
		}
		company := e.browser()
		u, _ := url.Parse(o.BookingURL)
		bookPage := u.RequestURI()
		if _, page := company.get(bookPage); !strings.Contains(page, "bookable only through this private link") || !strings.Contains(page, "590.00") {
			t.Fatalf("English in-house booking form:\n%s", excerpt(page))
		}
		form := inhouseBookingForm(2)
		if res, _ := company.post(bookPage, bookPage, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("book: %d", res.StatusCode)
		}
		bookings, _ := st.BookingsOfDate(context.Background(), *o.DateID)
		docs, _ := st.InvoicesForBooking(context.Background(), bookings[0].ID)
		if len(docs) != 1 || len(docs[0].Lines) != 2 || docs[0].NetCents != 118000 || docs[0].Number != "RE-2026-00002" {
			t.Fatalf("per-seat invoice after %s: %+v", before.Reference, docs)
		}
		if code, _ := call(http.MethodGet, "/api/v1/admin/offers", ""); code != http.StatusOK {
			t.Fatalf("list: %d", code)
		}
		// An offer nobody accepted shows as expired once its last day is over.
		late := body
		if code, out := call(http.MethodPost, fmt.Sprintf("/api/v1/admin/inquiries/%d/offers", e.inquiry.ID), late); code != http.StatusCreated {
			t.Fatalf("second offer: %d %s", code, out)
		}
		e.clk.Advance(60 * 24 * time.Hour)
		if _, list := e.signedIn("assistant@example.com").get("/admin/offers"); !strings.Contains(list, "AN-2026-00002") || !strings.Contains(list, "expired") && !strings.Contains(list, "abgelaufen") {
			t.Fatalf("the offer list does not show the expired offer:\n%s", excerpt(list))
		}
	})
}
