package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestBookingExportDownload: the manage page links the export, which the booker downloads as a
// JSON attachment; a wrong token is refused like on the manage page.
func TestBookingExportDownload(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	req := booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing:   model.Billing{Company: "Muster GmbH", Name: "Max Bucher", Email: "max@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Erika", LastName: "Muster", Email: "erika@example.com"}, {FirstName: "Jörg", LastName: "Übel", Email: "joerg@example.com"}}}
	res, err := env.srv.bookings.Reserve(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	ref, token := res.Booking.Reference, url.QueryEscape(res.ManageToken)
	b := env.browser()
	for _, prefix := range []string{"", "/en"} {
		_, page := b.get(prefix + "/b/" + ref + "?t=" + token)
		if !strings.Contains(page, prefix+"/b/"+ref+"/export?t="+token) {
			t.Fatalf("manage page %q does not link the export", prefix)
		}
	}
	cases := []struct {
		name, path string
		status     int
	}{
		{"with the token", "/b/" + ref + "/export?t=" + token, http.StatusOK},
		{"English path", "/en/b/" + ref + "/export?t=" + token, http.StatusOK},
		{"wrong token", "/b/" + ref + "/export?t=wrong", http.StatusNotFound},
		{"no token", "/b/" + ref + "/export", http.StatusNotFound},
		{"unknown booking", "/b/SEM-NOPE00/export?t=" + token, http.StatusNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := b.get(tc.path)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if tc.status != http.StatusOK {
				if strings.Contains(body, "erika@example.com") {
					t.Fatal("a refused export shows data")
				}
				return
			}
			if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, ref+".json") {
				t.Fatalf("Content-Disposition %q", cd)
			}
			var x struct {
				Booking struct {
					Reference string            `json:"reference"`
					Billing   map[string]string `json:"billing"`
					Attendees []map[string]any  `json:"attendees"`
					Documents []map[string]any  `json:"documents"`
				} `json:"booking"`
			}
			if err := json.Unmarshal([]byte(body), &x); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if x.Booking.Reference != ref || x.Booking.Billing["email"] != "max@example.com" || x.Booking.Billing["street"] != "Weg 1" ||
				len(x.Booking.Attendees) != 2 || len(x.Booking.Documents) != 1 {
				t.Fatalf("export: %+v", x.Booking)
			}
		})
	}
}

// TestAdminGDPR: the trainer's export and erasure, in the back office and the admin API, owners
// only.
func TestAdminGDPR(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	wait := model.WaitlistEntry{DateID: storetest.SeedDate(t, env.st, storetest.DateOptions{}).ID, Name: "Wanda Warte",
		Email: "wanda@example.com", Seats: 1, Language: "de"}
	if err := env.srv.waitlist.Join(ctx, &wait); err != nil {
		t.Fatal(err)
	}
	owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
	token := env.apiToken()
	assistantToken, err := env.srv.auth.CreateAPIToken(ctx, "assistant", model.RoleAssistant)
	if err != nil {
		t.Fatal(err)
	}

	// Back office: owners only; the export downloads, the erasure needs a confirmation step.
	if res, _ := assistant.get("/admin/privacy"); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant on /admin/privacy: %d", res.StatusCode)
	}
	res, body := owner.get("/admin/privacy/export.json?email=wanda@example.com")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(body, "Wanda Warte") {
		t.Fatalf("back-office export: %d %s", res.StatusCode, body)
	}
	if res, body = owner.get("/admin/privacy/export.json?email=kein"); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "aria-invalid") {
		t.Fatalf("malformed address: %d", res.StatusCode)
	}
	res, body = owner.get("/admin/privacy/erase?email=wanda@example.com")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `action="/admin/privacy/erase"`) || !strings.Contains(body, "Wartelisteneinträge: 1") {
		t.Fatalf("erase confirmation: %d %s", res.StatusCode, body)
	}

	// Admin API.
	cases := []struct {
		name, method, path, token, body string
		status                          int
		want                            string
	}{
		{"export", http.MethodGet, "/api/v1/admin/gdpr/export?email=WANDA@example.com", token, "", http.StatusOK, `"name":"Wanda Warte"`},
		{"export needs an owner", http.MethodGet, "/api/v1/admin/gdpr/export?email=wanda@example.com", assistantToken, "", http.StatusForbidden, ""},
		{"export needs a token", http.MethodGet, "/api/v1/admin/gdpr/export?email=wanda@example.com", "", "", http.StatusUnauthorized, ""},
		{"export without address", http.MethodGet, "/api/v1/admin/gdpr/export", token, "", http.StatusBadRequest, `"email"`},
		{"erase needs an owner", http.MethodPost, "/api/v1/admin/gdpr/erase", assistantToken, `{"email":"wanda@example.com"}`, http.StatusForbidden, ""},
		{"erase malformed JSON", http.MethodPost, "/api/v1/admin/gdpr/erase", token, `{"email":`, http.StatusBadRequest, ""},
		{"erase malformed address", http.MethodPost, "/api/v1/admin/gdpr/erase", token, `{"email":"kein"}`, http.StatusUnprocessableEntity, `"email"`},
		{"erase", http.MethodPost, "/api/v1/admin/gdpr/erase", token, `{"email":"wanda@example.com"}`, http.StatusOK, `"waiting_list":1`},
		{"erase again", http.MethodPost, "/api/v1/admin/gdpr/erase", token, `{"email":"wanda@example.com"}`, http.StatusOK, `"waiting_list":0`},
		{"export after erasure", http.MethodGet, "/api/v1/admin/gdpr/export?email=wanda@example.com", token, "", http.StatusOK, `"waiting_list":[]`},
		{"wrong method", http.MethodDelete, "/api/v1/admin/gdpr/erase", token, "", http.StatusMethodNotAllowed, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body := env.api(tc.method, tc.path, tc.token, tc.body)
			if status != tc.status || !strings.Contains(body, tc.want) {
				t.Fatalf("%s %s: %d %s", tc.method, tc.path, status, body)
			}
		})
	}

	// The back office's erasure: refused for an upcoming booking, with the reason.
	b := env.book(storetest.SeedDate(t, env.st, storetest.DateOptions{}).ID, "Muster GmbH", "Otto Offen")
	res, body = owner.post("/admin/privacy", "/admin/privacy/erase", url.Values{"email": {b.Attendees[0].Email}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, b.Reference) {
		t.Fatalf("erasing an upcoming attendee: %d", res.StatusCode)
	}
	wait2 := model.WaitlistEntry{DateID: b.DateID, Name: "Willi Warte", Email: "willi@example.com", Seats: 1, Language: "de"}
	if err := env.srv.waitlist.Join(ctx, &wait2); err != nil {
		t.Fatal(err)
	}
	// Willi's entry, the confirmation of his joining and the offer of a free seat, both still waiting to be mailed to him.
	res, _ = owner.post("/admin/privacy", "/admin/privacy/erase", url.Values{"email": {"willi@example.com"}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/admin/privacy?done=erased&n=3" {
		t.Fatalf("erasure: %d %s", res.StatusCode, loc)
	}
	if _, body := owner.get(res.Header.Get("Location")); !strings.Contains(body, "Gelöscht: 3 Datensätze geändert.") {
		t.Fatal("the erasure's notice is not shown")
	}
	log, err := env.st.AuditLog(ctx, 10)
	if err != nil || log[0].Action != model.AuditPersonErased || log[0].Actor != "owner@example.com" || strings.Contains(log[0].Detail+log[0].Subject, "willi") {
		t.Fatalf("audit: %+v %v", log[0], err)
	}
}
