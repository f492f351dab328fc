package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestJSONBodyRules: the JSON endpoints take application/json only (415 otherwise, so a
// cross-site form cannot book), refuse a body that is not UTF-8 before decoding it (400), and an
// id beyond BIGINT is a per-field error (422) — never a 5xx, and nothing stored.
func TestJSONBodyRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newInputEnv(t, st)
		good := fmt.Sprintf(`{"date_id":%d,"payment_method":"invoice","attendees":[{"first_name":"Nora","last_name":"Neu","email":"nora@firma.example"}],
			"billing":{"company":"Neu AG","name":"Nora Neu","email":"r@firma.example","street":"Allee 1","postal_code":"10115","city":"Berlin","country":"DE"}}`, env.date.ID)
		cases := []struct {
			name, path, contentType, body string
			wantStatus                    int
			wantBody                      string
		}{
			{"text/plain booking (a cross-site form)", "/api/v1/bookings", "text/plain", good, http.StatusUnsupportedMediaType, `"unsupported_media_type"`},
			{"urlencoded booking", "/api/v1/bookings", "application/x-www-form-urlencoded", good, http.StatusUnsupportedMediaType, `"unsupported_media_type"`},
			{"no content type", "/api/v1/bookings", "", good, http.StatusUnsupportedMediaType, `"unsupported_media_type"`},
			{"JSON in Latin-1", "/api/v1/bookings", "application/json; charset=iso-8859-1", good, http.StatusUnsupportedMediaType, `"unsupported_media_type"`},
			{"admin API text/plain", "/api/v1/admin/seminars", "text/plain", `{"title_de":"X"}`, http.StatusUnsupportedMediaType, `"unsupported_media_type"`},
			{"invalid UTF-8 outside any string", "/api/v1/bookings", "application/json", good + "\xff", http.StatusBadRequest, `"invalid_input"`},
			{"date_id 2^63", "/api/v1/bookings", "application/json",
				strings.Replace(good, fmt.Sprintf(`"date_id":%d`, env.date.ID), `"date_id":9223372036854775808`, 1), http.StatusUnprocessableEntity, `"date_id"`},
			{"date_id 2^64", "/api/v1/bookings", "application/json",
				strings.Replace(good, fmt.Sprintf(`"date_id":%d`, env.date.ID), `"date_id":18446744073709551616`, 1), http.StatusUnprocessableEntity, `"date_id"`},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				env.t = t
				before := env.rowCounts()
				req, _ := http.NewRequest(http.MethodPost, env.http.URL+tc.path, strings.NewReader(tc.body))
				if tc.contentType != "" {
					req.Header.Set("Content-Type", tc.contentType)
				}
				req.Header.Set("Authorization", "Bearer "+env.token)
				res, body := env.visitor.do(req)
				if res.StatusCode != tc.wantStatus || !strings.Contains(body, tc.wantBody) {
					t.Fatalf("status %d (want %d), body %s", res.StatusCode, tc.wantStatus, excerptOf(body))
				}
				if after := env.rowCounts(); len(changed(before, after)) > 0 {
					t.Errorf("rows changed: %v", changed(before, after))
				}
			})
		}
		t.Run("application/json; charset=utf-8 books", func(t *testing.T) {
			env.t = t
			req, _ := http.NewRequest(http.MethodPost, env.http.URL+"/api/v1/bookings", strings.NewReader(good))
			req.Header.Set("Content-Type", "application/json; charset=UTF-8")
			if res, body := env.visitor.do(req); res.StatusCode != http.StatusCreated {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
		})
	})
}

// anyText is text people really type: emoji (above U+FFFF), CJK, right-to-left scripts and
// letters with combining marks — written decomposed here, so NFC changes them on the way in.
var anyText = map[string]string{
	"emoji":     "Café 😀 Ünïcode 🚀",
	"CJK":       "株式会社 東京 한국어",
	"RTL":       "شركة מרכז",
	"combining": "Zoe\u0308 Mu\u0308ller",
}

// TestAnyTextIsStoredNFC books through the form and the API with emoji, CJK, right-to-left and
// combining text in every text field, on SQLite and PostgreSQL: accepted, stored NFC-normalised,
// and shown on the manage page as stored.
func TestAnyTextIsStoredNFC(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newInputEnv(t, st)
		for kind, text := range anyText {
			want := norm.NFC.String(text)
			t.Run("form/"+kind, func(t *testing.T) {
				env.t = t
				form := bookingValues(env)
				for _, f := range []string{"attendees[0].first_name", "attendees[0].last_name", "billing.company", "billing.name",
					"billing.street", "billing.city", "billing.po_number", "billing.buyer_reference"} {
					form.Set(f, text)
				}
				form.Set("attendees[0].email", kindEmail(kind, "form"))
				status, body := env.send(env.visitor, fmt.Sprintf("/book/%d", env.date.ID), fmt.Sprintf("/book/%d", env.date.ID), form, "")
				if status != http.StatusSeeOther {
					t.Fatalf("status %d\n%s", status, excerptOf(body))
				}
				env.checkStored(t, kindEmail(kind, "form"), want)
			})
			t.Run("API/"+kind, func(t *testing.T) {
				env.t = t
				body := bookingJSONBody(env)
				for _, path := range []string{"attendees.0.first_name", "attendees.0.last_name", "billing.company", "billing.name",
					"billing.street", "billing.city", "billing.po_number", "billing.buyer_reference"} {
					setPath(body, strings.Split(path, "."), text)
				}
				setPath(body, []string{"attendees", "0", "email"}, kindEmail(kind, "api"))
				status, out := env.sendJSON("/api/v1/bookings", body)
				if status != http.StatusCreated {
					t.Fatalf("status %d: %s", status, out)
				}
				env.checkStored(t, kindEmail(kind, "api"), want)
				var created struct {
					ManageURL string `json:"manage_url"`
				}
				if err := json.Unmarshal([]byte(out), &created); err != nil {
					t.Fatal(err)
				}
				u, _ := url.Parse(created.ManageURL)
				res, page := env.visitor.get(u.RequestURI())
				if res.StatusCode != http.StatusOK || !strings.Contains(page, want) {
					t.Fatalf("manage page: status %d, shows %q: %v", res.StatusCode, want, strings.Contains(page, want))
				}
			})
			t.Run("inquiry/"+kind, func(t *testing.T) {
				env.t = t
				form := url.Values{"company": {text}, "name": {text}, "email": {"ida@firma.example"}, "topic": {text},
					"participants": {"5"}, "message": {text + "\r\n" + text}}
				if status, body := env.send(env.visitor, "/inhouse", "/inhouse", form, ""); status != http.StatusSeeOther {
					t.Fatalf("status %d\n%s", status, excerptOf(body))
				}
				list, err := st.Inquiries(context.Background(), 100)
				if err != nil {
					t.Fatal(err)
				}
				got := list[0]
				for _, l := range list {
					if l.ID > got.ID {
						got = l
					}
				}
				if got.Company != want || got.Topic != want || got.Message != want+"\n"+want {
					t.Fatalf("stored %q / %q / %q, want %q (NFC, LF)", got.Company, got.Topic, got.Message, want)
				}
			})
		}
	})
}

// kindEmail is a distinct attendee address per case, so bookings do not collide.
func kindEmail(kind, via string) string {
	return strings.ToLower(strings.Fields(kind)[0]) + "." + via + "@firma.example"
}

func (e *inputEnv) sendJSON(path string, body map[string]any) (int, string) {
	raw, err := json.Marshal(body)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.send(e.owner, "", path, nil, string(raw))
}

// checkStored finds the booking of the attendee with email and checks every text field holds
// want exactly (NFC), and that the manage page shows it.
func (e *inputEnv) checkStored(t *testing.T, email, want string) {
	t.Helper()
	bookings, err := e.st.SearchBookings(context.Background(), email, 5)
	if err != nil || len(bookings) != 1 {
		t.Fatalf("search %s: %v (%d found)", email, err, len(bookings))
	}
	b, err := e.st.BookingByReference(context.Background(), bookings[0].Reference)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"company": b.Billing.Company, "name": b.Billing.Name, "street": b.Billing.Street,
		"city": b.Billing.City, "po_number": b.Billing.PONumber, "buyer_reference": b.Billing.BuyerReference,
		"first_name": b.Attendees[0].FirstName, "last_name": b.Attendees[0].LastName}
	for field, v := range got {
		if v != want {
			t.Errorf("%s stored as %q (%+q), want %q", field, v, v, want)
		}
	}
	if !norm.NFC.IsNormalString(b.Billing.Company) {
		t.Errorf("company %+q is not NFC", b.Billing.Company)
	}
}
