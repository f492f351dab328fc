package web

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// badValue is one kind of poison and the reason the text rule gives for it.
type badValue struct {
	name   string
	value  string
	reason model.Reason
}

var badValues = []badValue{
	{"NUL byte", "Anna\x00Berta", model.ReasonControl},
	{"invalid UTF-8", "Firma\xff\xfe", model.ReasonInvalidUTF8},
	{"CR LF in one line", "Max\r\nBcc: x@evil.example", model.ReasonLineBreak},
	{"10000 characters", strings.Repeat("x", 10000), model.ReasonTooLong},
	{"escape and DEL", "Esc\x1b[31m\x7f", model.ReasonControl},
}

// inputField is one field of a form or JSON body. want overrides the message key expected for
// a value that is valid UTF-8 (a number field names its own rule); multiline fields take CR LF.
type inputField struct {
	name      string
	multiline bool
	email     bool // an over-long address is "not an e-mail address"
	roomy     bool // holds more than 10,000 characters (a description)
	want      string
}

// inputEndpoint is a form or JSON endpoint with a valid body to spoil one field at a time.
type inputEndpoint struct {
	name   string
	owner  bool                   // sent by the signed-in owner (forms) — JSON goes with the owner's token
	page   func(*inputEnv) string // the page with the form (for its CSRF token); "" for JSON
	path   func(*inputEnv) string
	form   func(*inputEnv) url.Values
	json   func(*inputEnv) map[string]any
	fields []inputField
}

func lines(names ...string) []inputField {
	out := make([]inputField, len(names))
	for i, n := range names {
		out[i] = inputField{name: n}
	}
	return out
}

func constPath(p string) func(*inputEnv) string { return func(*inputEnv) string { return p } }

func bookingValues(e *inputEnv) url.Values {
	return url.Values{"attendee_count": {"1"}, "attendees[0].first_name": {"Nora"}, "attendees[0].last_name": {"Neu"},
		"attendees[0].email": {"nora@firma.example"}, "billing.company": {"Neu AG"}, "billing.name": {"Nora Neu"},
		"billing.email": {"rechnung@firma.example"}, "billing.street": {"Allee 1"}, "billing.postal_code": {"10115"},
		"billing.city": {"Berlin"}, "billing.country": {"DE"}, "billing.po_number": {"PO-1"}, "billing.buyer_reference": {"991-1-1"},
		"payment_method": {"invoice"}, "accept_terms": {"1"}, "confirm_business": {"1"}, "action": {"book"}}
}

func bookingJSONBody(e *inputEnv) map[string]any {
	return map[string]any{"date_id": e.date.ID, "payment_method": "invoice",
		"attendees": []any{map[string]any{"first_name": "Nora", "last_name": "Neu", "email": "nora@firma.example"}},
		"billing": map[string]any{"company": "Neu AG", "name": "Nora Neu", "email": "rechnung@firma.example", "street": "Allee 1",
			"postal_code": "10115", "city": "Berlin", "country": "DE", "vat_id": "", "po_number": "PO-1", "buyer_reference": ""}}
}

func seminarValues(*inputEnv) url.Values {
	return url.Values{"title_de": {"Neues Seminar"}, "title_en": {"New seminar"}, "teaser_de": {"Kurz"}, "description_de": {"Lang"},
		"functions": {"marketing"}, "duration_minutes": {"480"}, "default_price": {"490"}, "published": {"1"}}
}

func dateValues(*inputEnv) url.Values {
	return url.Values{"starts_at": {"2030-06-03T09:00"}, "ends_at": {"2030-06-03T17:00"}, "capacity": {"12"}, "price_net": {"490"},
		"format": {"in_person"}, "city": {"Köln"}, "venue": {"Haus"}, "address": {"Ring 1"}, "status": {"published"}}
}

// offerValues is a valid offer form for the fixture's seminar.
func offerValues(e *inputEnv) url.Values {
	return url.Values{"seminar_id": {strconv.Itoa(int(e.date.SeminarID))}, "persons": {"12"}, "pricing": {"flat"}, "price_net": {"4800"},
		"valid_until": {"2030-05-31"}, "format": {"in_person"}, "city": {"Köln"}, "venue": {"Haus"}, "address": {"Ring 1"},
		"text": {"Wie besprochen."}, "date_1_start": {"2030-06-03T09:00"}, "date_1_end": {"2030-06-03T17:00"}}
}

// offerJSONBody is a valid body of POST /api/v1/admin/inquiries/{id}/offers.
func offerJSONBody(e *inputEnv) map[string]any {
	return map[string]any{"seminar_id": e.date.SeminarID, "persons": 12, "pricing": "flat", "price_net_cents": 480000,
		"valid_until": "2030-05-31", "format": "in_person", "city": "Köln", "venue": "Haus", "address": "Ring 1", "text": "Wie besprochen.",
		"proposed_dates": []map[string]any{{"starts_at": "2030-06-03T09:00:00+02:00", "ends_at": "2030-06-03T17:00:00+02:00"}}}
}

var nameFields = []inputField{{name: "first_name"}, {name: "last_name"}, {name: "email", email: true}}

func inputEndpoints() []inputEndpoint {
	datePath := func(prefix string) func(*inputEnv) string {
		return func(e *inputEnv) string { return prefix + strconv.Itoa(int(e.date.ID)) }
	}
	return []inputEndpoint{
		{name: "booking form", page: datePath("/book/"), path: datePath("/book/"), form: bookingValues, fields: append(lines(
			"attendees[0].first_name", "attendees[0].last_name", "billing.company", "billing.name", "billing.street",
			"billing.postal_code", "billing.city", "billing.country", "billing.vat_id", "billing.po_number", "billing.buyer_reference", "voucher"),
			inputField{name: "attendees[0].email", email: true}, inputField{name: "billing.email", email: true})},
		{name: "waiting list", page: datePath("/waitlist/"), path: datePath("/waitlist/"),
			form: func(*inputEnv) url.Values {
				return url.Values{"name": {"Wanda"}, "email": {"wanda@firma.example"}, "company": {"W AG"}, "seats": {"1"}}
			},
			fields: []inputField{{name: "name"}, {name: "email", email: true}, {name: "company"}, {name: "seats", want: "waitlist.error.seats"}}},
		{name: "in-house inquiry", page: constPath("/inhouse"), path: constPath("/inhouse"),
			form: func(*inputEnv) url.Values {
				return url.Values{"company": {"I GmbH"}, "name": {"Ida"}, "email": {"ida@firma.example"}, "phone": {"+49 30 1"},
					"topic": {"Social Media im Vertrieb"}, "participants": {"12"}, "preferred_period": {"Herbst"}, "message": {"Hallo"}}
			},
			fields: append(lines("company", "name", "phone", "topic", "preferred_period"), inputField{name: "email", email: true},
				inputField{name: "message", multiline: true}, inputField{name: "participants", want: "inquiry.error.participants"})},
		{name: "sign-in", page: constPath("/admin/login"), path: constPath("/admin/login"),
			form: func(*inputEnv) url.Values {
				return url.Values{"email": {"owner@example.com"}, "password": {"wrong password"}}
			},
			fields: []inputField{{name: "email", email: true}, {name: "password", want: "admin.login.failed"}}},
		{name: "substitute (booker)", page: func(e *inputEnv) string { return "/b/" + e.ref + "?t=" + e.manage },
			path: func(e *inputEnv) string { return "/b/" + e.ref + "/attendees" },
			form: func(e *inputEnv) url.Values {
				return url.Values{"t": {e.manage}, "attendee_id": {strconv.Itoa(int(e.person))}, "first_name": {"Sam"}, "last_name": {"Sub"}, "email": {"sam@firma.example"}}
			},
			fields: nameFields},
		{name: "admin: new seminar", owner: true, page: constPath("/admin/seminars/new"), path: constPath("/admin/seminars"), form: seminarValues,
			fields: append(lines("title_de", "title_en", "teaser_de", "teaser_en"), inputField{name: "description_de", multiline: true, roomy: true},
				inputField{name: "prepare_en", multiline: true, roomy: true}, inputField{name: "slug", want: "admin.error.slug"},
				inputField{name: "duration_minutes", want: "admin.error.duration"})},
		{name: "admin: edit seminar", owner: true, page: func(e *inputEnv) string { return "/admin/seminars/" + strconv.Itoa(int(e.date.SeminarID)) },
			path: func(e *inputEnv) string { return "/admin/seminars/" + strconv.Itoa(int(e.date.SeminarID)) },
			form: func(e *inputEnv) url.Values {
				v := seminarValues(e)
				v.Set("slug", e.date.Seminar.Slug)
				return v
			},
			fields: append(lines("title_de", "teaser_en"), inputField{name: "description_en", multiline: true, roomy: true})},
		{name: "admin: new date", owner: true, page: func(e *inputEnv) string { return fmt.Sprintf("/admin/seminars/%d/dates/new", e.date.SeminarID) },
			path: func(e *inputEnv) string { return fmt.Sprintf("/admin/seminars/%d/dates", e.date.SeminarID) }, form: dateValues,
			fields: append(lines("starts_at", "ends_at", "city", "venue", "address", "online_url", "early_bird_until"),
				inputField{name: "capacity", want: "admin.error.capacity"})},
		{name: "admin: edit date", owner: true, page: datePath("/admin/dates/"), path: datePath("/admin/dates/"), form: dateValues,
			fields: lines("city", "venue", "address")},
		{name: "admin: new voucher", owner: true, page: constPath("/admin/vouchers"), path: constPath("/admin/vouchers"),
			form:   func(*inputEnv) url.Values { return url.Values{"code": {"FRUEH10"}, "percent": {"10"}} },
			fields: lines("code", "percent", "seminar", "valid_until", "max_uses")},
		{name: "admin: new staff user", owner: true, page: constPath("/admin/access"), path: constPath("/admin/access/users"),
			form: func(*inputEnv) url.Values {
				return url.Values{"email": {"new@example.com"}, "role": {"assistant"}, "password": {"a long enough password"}}
			},
			fields: []inputField{{name: "email", email: true}}},
		{name: "admin: new API token", owner: true, page: constPath("/admin/access"), path: constPath("/admin/access/tokens"),
			form:   func(*inputEnv) url.Values { return url.Values{"name": {"Export"}, "role": {"assistant"}} },
			fields: lines("name")},
		{name: "admin: substitute attendee", owner: true,
			page: func(e *inputEnv) string {
				return fmt.Sprintf("/admin/bookings/%s/attendees/%d/substitute", e.ref, e.person)
			},
			path: func(e *inputEnv) string {
				return fmt.Sprintf("/admin/bookings/%s/attendees/%d/substitute", e.ref, e.person)
			},
			form: func(*inputEnv) url.Values {
				return url.Values{"first_name": {"Sam"}, "last_name": {"Sub"}, "email": {"sam@firma.example"}}
			},
			fields: nameFields},
		{name: "admin: inquiry status", owner: true, page: constPath("/admin/inquiries"),
			path: func(e *inputEnv) string { return fmt.Sprintf("/admin/inquiries/%d", e.inquiry) },
			form: func(*inputEnv) url.Values { return url.Values{"status": {"done"}} }, fields: []inputField{{name: "status", want: "error.invalid_transition"}}},
		{name: "admin: new in-house offer", owner: true, page: func(e *inputEnv) string { return fmt.Sprintf("/admin/inquiries/%d/offers/new", e.inquiry) },
			path: func(e *inputEnv) string { return fmt.Sprintf("/admin/inquiries/%d/offers", e.inquiry) }, form: offerValues,
			fields: append(lines("city", "venue", "address"), inputField{name: "text", multiline: true},
				inputField{name: "price_net", want: "admin.error.price"}, inputField{name: "valid_until"})},
		{name: "admin API: in-house offer", path: func(e *inputEnv) string { return fmt.Sprintf("/api/v1/admin/inquiries/%d/offers", e.inquiry) },
			json: offerJSONBody, fields: append(lines("city", "venue", "address", "valid_until"), inputField{name: "text", multiline: true})},
		{name: "API: booking", path: constPath("/api/v1/bookings"), json: bookingJSONBody, fields: append(lines(
			"attendees.0.first_name", "attendees.0.last_name", "billing.company", "billing.name", "billing.street", "billing.postal_code",
			"billing.city", "billing.country", "billing.vat_id", "billing.po_number", "billing.buyer_reference", "voucher"),
			inputField{name: "attendees.0.email", email: true}, inputField{name: "billing.email", email: true})},
		{name: "admin API: seminar", path: constPath("/api/v1/admin/seminars"),
			json: func(*inputEnv) map[string]any {
				return map[string]any{"title_de": "API-Seminar", "title_en": "API seminar", "teaser_de": "Kurz", "description_de": "Lang",
					"functions": []string{"sales"}, "duration_minutes": 480, "default_price_cents": 49000}
			},
			fields: append(lines("title_de", "title_en", "teaser_de"), inputField{name: "description_de", multiline: true, roomy: true},
				inputField{name: "slug", want: "admin.error.slug"})},
		{name: "admin API: date", path: func(e *inputEnv) string { return fmt.Sprintf("/api/v1/admin/seminars/%d/dates", e.date.SeminarID) },
			json: func(*inputEnv) map[string]any {
				return map[string]any{"starts_at": "2030-06-03T09:00:00+02:00", "ends_at": "2030-06-03T17:00:00+02:00", "capacity": 12,
					"price_net_cents": 49000, "format": "in_person", "city": "Köln", "venue": "Haus", "address": "Ring 1"}
			},
			fields: lines("starts_at", "city", "venue", "address", "online_url")},
	}
}

// TestBadInputStoresNothing sends every kind of poison in every field of every form and JSON
// body, on SQLite and PostgreSQL, through the real HTTP app: the answer is a 4xx with the
// field's message in the user's language, never a 5xx, and not one row of any table changes.
func TestBadInputStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newInputEnv(t, st)
		for _, ep := range inputEndpoints() {
			for _, field := range ep.fields {
				for _, bad := range badValues {
					if (bad.reason == model.ReasonLineBreak && field.multiline) || (bad.reason == model.ReasonTooLong && field.roomy) {
						continue // line breaks are text there; 10,000 characters fit
					}
					t.Run(ep.name+"/"+field.name+"/"+bad.name, func(t *testing.T) {
						env.t = t
						before := env.rowCounts()
						status, body := env.sendBad(ep, field.name, bad.value)
						if after := env.rowCounts(); len(changed(before, after)) > 0 {
							t.Errorf("rows changed: %v", changed(before, after))
						}
						if status < 400 || status >= 500 {
							t.Fatalf("status %d, want 4xx\n%s", status, excerptOf(body))
						}
						want := env.de.T(expectedKey(ep, field, bad))
						if !strings.Contains(html.UnescapeString(body), want) {
							t.Fatalf("status %d; the answer lacks the message %q\n%s", status, want, excerptOf(body))
						}
					})
				}
			}
		}
	})
}

// expectedKey is the message a bad value must produce in a field.
func expectedKey(ep inputEndpoint, f inputField, bad badValue) string {
	switch {
	case bad.reason == model.ReasonInvalidUTF8:
		return "error.invalid_utf8" // refused as it arrives, whatever the field
	case f.want != "":
		return f.want
	case f.email && bad.reason == model.ReasonTooLong:
		return "error.email"
	}
	return "error." + string(bad.reason)
}

func (e *inputEnv) sendBad(ep inputEndpoint, field, value string) (int, string) {
	if ep.json == nil {
		form := ep.form(e)
		form.Set(field, value)
		b := e.visitor
		if ep.owner {
			b = e.owner
		}
		return e.send(b, ep.page(e), ep.path(e), form, "")
	}
	body := ep.json(e)
	setPath(body, strings.Split(field, "."), "@@BAD@@")
	raw, err := json.Marshal(body)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.send(e.owner, "", ep.path(e), nil, jsonWith(string(raw), value))
}

// setPath sets a value in nested JSON maps and arrays ("attendees.0.email").
func setPath(m map[string]any, path []string, v any) {
	if len(path) == 1 {
		m[path[0]] = v
		return
	}
	next := m[path[0]]
	if list, ok := next.([]any); ok {
		i, _ := strconv.Atoi(path[1])
		inner := list[i].(map[string]any)
		setPath(inner, path[2:], v)
		return
	}
	setPath(next.(map[string]any), path[1:], v)
}

func excerptOf(body string) string {
	if len(body) > 1500 {
		return body[:1500] + "…"
	}
	return body
}

// TestBadParametersNeverFail sends poison in paths and query strings: a path that breaks the text
// rule or names an id beyond BIGINT names nothing (404), a query parameter that breaks it is a bad
// request (400); never a 5xx, on either database.
func TestBadParametersNeverFail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newInputEnv(t, st)
		big := "9223372036854775808" // 2^63
		cases := []struct {
			name       string
			owner      bool
			api        bool // with the owner's API token
			path       string
			wantStatus int
		}{
			{"manage page NUL", false, false, "/b/%00", http.StatusNotFound},
			{"manage page invalid UTF-8", false, false, "/b/%FF%FE?t=x", http.StatusNotFound},
			{"seminar NUL", false, false, "/seminars/%00", http.StatusNotFound},
			{"seminar 10000 characters", false, false, "/seminars/" + strings.Repeat("x", 10000), http.StatusNotFound},
			{"booking form 2^63", false, false, "/book/" + big, http.StatusNotFound},
			{"booking form negative", false, false, "/book/-1", http.StatusNotFound},
			{"waiting list 2^63", false, false, "/waitlist/" + big, http.StatusNotFound},
			{"offer NUL", false, false, "/waitlist/offer/%00", http.StatusNotFound},
			{"document NUL", false, false, "/b/ABC/documents/%00.pdf", http.StatusNotFound},
			{"booking API NUL", false, false, "/api/v1/bookings/%00", http.StatusNotFound},
			{"catalogue filter NUL", false, false, "/?city=%00", http.StatusBadRequest},
			{"catalogue filter invalid UTF-8", false, false, "/?function=%FF", http.StatusBadRequest},
			{"language switch with a tab", false, false, "/lang/en?next=/%09/evil.example", http.StatusBadRequest},
			{"manage token NUL", false, false, "/b/ABC?t=%00", http.StatusBadRequest},
			{"admin date 2^63", true, false, "/admin/dates/" + big, http.StatusNotFound},
			{"admin seminar 2^63", true, false, "/admin/seminars/" + big, http.StatusNotFound},
			{"admin attendees 2^63", true, false, "/admin/dates/" + big + "/attendees", http.StatusNotFound},
			{"admin booking search invalid UTF-8", true, false, "/admin/bookings?q=%FF", http.StatusBadRequest},
			{"admin booking search 10000 characters", true, false, "/admin/bookings?q=" + strings.Repeat("x", 10000), http.StatusBadRequest},
			{"admin API dates 2^63", false, true, "/api/v1/admin/seminars/" + big + "/dates", http.StatusNotFound},
			{"admin API attendees 2^63", false, true, "/api/v1/admin/dates/" + big + "/attendees", http.StatusNotFound},
			{"admin API outbox status NUL", false, true, "/api/v1/admin/outbox?status=%00", http.StatusBadRequest},
			{"admin API bookings search NUL", false, true, "/api/v1/admin/bookings?q=a%00", http.StatusBadRequest},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				env.t = t
				before := env.rowCounts()
				req, _ := http.NewRequest(http.MethodGet, env.http.URL+tc.path, nil)
				if tc.api {
					req.Header.Set("Authorization", "Bearer "+env.token)
				}
				b := env.visitor
				if tc.owner {
					b = env.owner
				}
				res, body := b.do(req)
				if res.StatusCode != tc.wantStatus {
					t.Fatalf("status %d, want %d\n%s", res.StatusCode, tc.wantStatus, excerptOf(body))
				}
				if after := env.rowCounts(); len(changed(before, after)) > 0 {
					t.Errorf("rows changed: %v", changed(before, after))
				}
			})
		}
	})
}
