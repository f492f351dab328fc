package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

func bookingJSON(dateID uint, attendees int, extra string) string {
	var people []string
	for i := range attendees {
		people = append(people, fmt.Sprintf(`{"first_name":"Erika","last_name":"Muster %d","email":"erika%d@example.com"}`, i, i))
	}
	return fmt.Sprintf(`{"date_id":%d,"payment_method":"invoice","attendees":[%s],
		"billing":{"company":"Muster GmbH","name":"Max Muster","email":"max@example.com","street":"Hauptstr. 1",
		"postal_code":"10115","city":"Berlin","country":"DE","vat_id":"DE123456789","po_number":"PO-1"}%s}`,
		dateID, strings.Join(people, ","), extra)
}

func TestAPIScenarios(t *testing.T) {
	st := storetest.SQLite(t)
	open := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
	full := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 3, SeatsTaken: 2})
	ts := newServer(t, st)
	c := client(t)
	const jsonType = "application/json"
	cases := []struct {
		name       string
		method     string
		path       string
		body       string
		headers    []string
		wantStatus int
		want       []string
	}{
		{"health", "GET", "/healthz", "", nil, 200, []string{`"status":"ok"`}},
		{"metrics", "GET", "/metrics", "", nil, 200, []string{"# TYPE seminars_http_requests_total counter"}},
		{"catalogue JSON", "GET", "/api/v1/seminars", "", nil, 200, []string{`"seminars":[`, `"seats_left":10`, `"price_net_cents":49000`, `"currency":"EUR"`}},
		{"catalogue filtered to nothing", "GET", "/api/v1/seminars?function=hr", "", nil, 200, []string{`{"seminars":[]}`}},
		{"catalogue in English", "GET", "/api/v1/seminars", "", []string{"Accept-Language", "en"}, 200, []string{`"title":"Test seminar`}},
		{"invoice booking", "POST", "/api/v1/bookings", bookingJSON(open.ID, 2, ""), nil, 201,
			[]string{`"status":"confirmed"`, `"reference":"SEM-`, `"total_gross_cents":116620`, `"manage_url":"http://localhost:8080/b/SEM-`}},
		{"malformed JSON", "POST", "/api/v1/bookings", `{"date_id":`, nil, 400, []string{`"error":"bad_request"`}},
		{"trailing garbage after the JSON", "POST", "/api/v1/bookings", bookingJSON(open.ID, 1, "") + ` trailing`, nil, 400, []string{`"error":"bad_request"`}},
		{"wrong type", "POST", "/api/v1/bookings", `{"date_id":"one"}`, nil, 422, []string{`"errors":{"date_id":`}},
		{"huge body", "POST", "/api/v1/bookings", `{"x":"` + strings.Repeat("a", 70000) + `"}`, nil, 413, []string{`"error":"body_too_large"`}},
		{"invalid fields in German", "POST", "/api/v1/bookings",
			strings.Replace(bookingJSON(open.ID, 1, ""), `"erika0@example.com"`, `"nope"`, 1), nil, 422,
			[]string{`"attendees[0].email":"Bitte geben Sie eine gültige E-Mail-Adresse an`}},
		{"invalid fields in English", "POST", "/api/v1/bookings", `{"date_id":1,"attendees":[],"billing":{},"payment_method":"cash"}`,
			[]string{"Accept-Language", "en-GB"}, 422,
			[]string{`"attendees":"Please name at least one attendee."`, `"billing.company":"Please fill this in."`, `"payment_method":`}},
		{"duplicate attendee", "POST", "/api/v1/bookings",
			strings.Replace(bookingJSON(open.ID, 2, ""), "erika1@", "erika0@", 1), nil, 422, []string{`"attendees[1].email"`}},
		{"unknown date", "POST", "/api/v1/bookings", bookingJSON(99999, 1, ""), nil, 404, []string{`"error":"not_found"`}},
		{"too few seats", "POST", "/api/v1/bookings", bookingJSON(full.ID, 2, ""), nil, 409, []string{`"error":"sold_out"`, `"seats_left":1`}},
		{"card without Stripe", "POST", "/api/v1/bookings", strings.Replace(bookingJSON(open.ID, 1, ""), `"invoice"`, `"card"`, 1), nil, 422,
			[]string{`"payment_method":"Diese Zahlungsart ist derzeit nicht eingerichtet`}},
		{"unknown voucher", "POST", "/api/v1/bookings", bookingJSON(open.ID, 1, `,"voucher":"GIBTSNICHT"`), nil, 422, []string{`"voucher":`}},
		{"unknown booking", "GET", "/api/v1/bookings/SEM-ZZZZZZ", "", []string{"Authorization", "Bearer x"}, 404, []string{`"error":"not_found"`}},
		{"unknown API route", "GET", "/api/v1/nothing", "", nil, 404, []string{`"error":"not_found"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ct := ""
			if tc.body != "" {
				ct = jsonType
			}
			status, body, _ := do(t, c, tc.method, ts.URL+tc.path, ct, tc.body, tc.headers...)
			if status != tc.wantStatus {
				t.Fatalf("status %d, want %d: %s", status, tc.wantStatus, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Fatalf("body lacks %q: %s", w, body)
				}
			}
		})
	}
	// Refused bookings changed nothing: only the one successful booking took seats.
	if d, _ := st.DateByID(t.Context(), open.ID); d.SeatsTaken != 2 {
		t.Fatalf("seats taken on the open date = %d, want 2", d.SeatsTaken)
	}
	if d, _ := st.DateByID(t.Context(), full.ID); d.SeatsTaken != 2 {
		t.Fatalf("seats taken on the nearly full date = %d, want 2", d.SeatsTaken)
	}
}

func TestAPIBookingRoundTrip(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	ts := newServer(t, st)
	c := client(t)
	status, body, _ := do(t, c, "POST", ts.URL+"/api/v1/bookings", "application/json", bookingJSON(date.ID, 3, ""))
	if status != http.StatusCreated {
		t.Fatalf("create: %d %s", status, body)
	}
	var created struct {
		Reference string
		ManageURL string `json:"manage_url"`
	}
	if err := json.Unmarshal([]byte(body), &created); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(created.ManageURL)
	token := u.Query().Get("t")
	if len(token) < 22 { // 128 bits in base64url
		t.Fatalf("manage token too short: %q", token)
	}
	cases := []struct {
		name       string
		auth       string
		wantStatus int
	}{
		{"manage token", "Bearer " + token, 200},
		{"wrong token", "Bearer " + token[:len(token)-1] + "x", 404},
		{"no token", "", 404},
		{"token without Bearer", token, 404},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, _ := do(t, c, "GET", ts.URL+"/api/v1/bookings/"+created.Reference, "", "", "Authorization", tc.auth)
			if status != tc.wantStatus {
				t.Fatalf("status %d, want %d: %s", status, tc.wantStatus, body)
			}
			if status != 200 {
				return
			}
			var got struct {
				Reference string
				Status    string
				Attendees []struct {
					Email string
				}
				TotalGrossCents int64 `json:"total_gross_cents"`
				Documents       []any
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if got.Reference != created.Reference || got.Status != "confirmed" || len(got.Attendees) != 3 ||
				got.TotalGrossCents != 3*58310 || got.Documents == nil {
				t.Fatalf("booking JSON %s", body)
			}
		})
	}
}
