package web

import (
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestWrongMethodOnAKnownPath checks that a known path asked with a method it does not take
// answers 405 with the methods it does take in Allow — before sign-in, API token or CSRF checks
// could answer otherwise — and that unknown paths stay 404.
func TestWrongMethodOnAKnownPath(t *testing.T) {
	storetest.EachAt(t, exportClock, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		owner := env.token(model.RoleOwner)
		cases := []struct {
			name, method, path, token string
			want                      int
			allow                     string
		}{
			{"delete the catalogue", http.MethodDelete, "/api/v1/seminars", "", http.StatusMethodNotAllowed, "GET, HEAD"},
			{"post health", http.MethodPost, "/healthz", "", http.StatusMethodNotAllowed, "GET, HEAD"},
			{"get the booking endpoint", http.MethodGet, "/api/v1/bookings", "", http.StatusMethodNotAllowed, "POST"},
			{"put a booking", http.MethodPut, "/api/v1/bookings/SEM-ABC123", "", http.StatusMethodNotAllowed, "GET, HEAD"},
			{"admin API without token", http.MethodDelete, "/api/v1/admin/seminars", "", http.StatusMethodNotAllowed, "GET, HEAD, POST"},
			{"admin API with token", http.MethodPatch, "/api/v1/admin/seminars", owner, http.StatusMethodNotAllowed, "GET, HEAD, POST"},
			{"post an export", http.MethodPost, "/api/v1/admin/exports/datev", owner, http.StatusMethodNotAllowed, "GET, HEAD"},
			{"delete an invoice", http.MethodDelete, "/api/v1/admin/invoices/RE-2026-00001/pdf", owner, http.StatusMethodNotAllowed, "GET, HEAD"},
			{"get the resend action", http.MethodGet, "/api/v1/admin/outbox/1/resend", owner, http.StatusMethodNotAllowed, "POST"},
			{"put the sign-in form (no CSRF 403)", http.MethodPut, "/admin/login", "", http.StatusMethodNotAllowed, "GET, HEAD, POST"},
			{"post the export page (no sign-in redirect)", http.MethodPost, "/admin/exports", "", http.StatusMethodNotAllowed, "GET, HEAD"},
			{"delete a manage page", http.MethodDelete, "/b/SEM-ABC123", "", http.StatusMethodNotAllowed, "GET, HEAD"},
			{"get the webhook", http.MethodGet, "/webhooks/stripe", "", http.StatusMethodNotAllowed, "POST"},
			{"delete a static file", http.MethodDelete, "/static/css/admin.css", "", http.StatusMethodNotAllowed, "GET, HEAD"},
			{"options lists the methods", http.MethodOptions, "/api/v1/admin/seminars", "", http.StatusNoContent, "GET, HEAD, POST"},
			{"head is served by GET", http.MethodHead, "/healthz", "", http.StatusOK, ""},
			{"unknown path stays 404", http.MethodDelete, "/no/such/page", "", http.StatusNotFound, ""},
			{"unknown API path stays 404", http.MethodGet, "/api/v1/admin/nothing", owner, http.StatusNotFound, ""},
			{"the right method still works", http.MethodGet, "/api/v1/admin/seminars", owner, http.StatusOK, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				req, _ := http.NewRequest(c.method, env.http.URL+c.path, nil)
				if c.token != "" {
					req.Header.Set("Authorization", "Bearer "+c.token)
				}
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != c.want || res.Header.Get("Allow") != c.allow {
					t.Fatalf("status %d, Allow %q; want %d, %q", res.StatusCode, res.Header.Get("Allow"), c.want, c.allow)
				}
			})
		}
		// The 405 is an API error like any other: JSON with a stable code.
		_, body := env.api(http.MethodDelete, "/api/v1/seminars", "", "")
		if !strings.Contains(body, `"error":"method_not_allowed"`) {
			t.Fatalf("405 body %s", body)
		}
	})
}
