package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func (e *adminEnv) apiToken() string {
	e.t.Helper()
	token, err := e.srv.auth.CreateAPIToken(context.Background(), "test", model.RoleOwner)
	if err != nil {
		e.t.Fatal(err)
	}
	return token
}

func (e *adminEnv) api(method, path, token, body string) (int, string) {
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

func TestAdminAPI(t *testing.T) {
	env := newAdminEnv(t)
	token := env.apiToken()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 8})
	semPath := fmt.Sprintf("/api/v1/admin/seminars/%d/dates", date.SeminarID)
	goodDate := `{"starts_at":"2027-03-10T09:00:00+01:00","ends_at":"2027-03-10T17:00:00+01:00","capacity":12,
		"price_net_cents":49000,"format":"in_person","city":"Hamburg","venue":"Speicher 7","online_url":""}`
	cases := []struct {
		name, method, path, token, body string
		wantStatus                      int
		wantBody                        string
	}{
		{"no token", http.MethodGet, "/api/v1/admin/seminars", "", "", http.StatusUnauthorized, `"unauthorized"`},
		{"wrong token", http.MethodGet, "/api/v1/admin/seminars", "sem_wrong", "", http.StatusUnauthorized, `"unauthorized"`},
		{"session cookie is no token", http.MethodPost, semPath, "", goodDate, http.StatusUnauthorized, ""},
		{"list seminars", http.MethodGet, "/api/v1/admin/seminars", token, "", http.StatusOK, date.Seminar.Slug},
		{"create date", http.MethodPost, semPath, token, goodDate, http.StatusCreated, `"city":"Hamburg"`},
		{"create date, invalid", http.MethodPost, semPath, token, `{"starts_at":"soon","capacity":0,"format":"online"}`, http.StatusUnprocessableEntity, `"capacity"`},
		{"create date, wrong type", http.MethodPost, semPath, token, `{"capacity":"many"}`, http.StatusUnprocessableEntity, `"capacity"`},
		{"create date, not JSON", http.MethodPost, semPath, token, `{`, http.StatusBadRequest, ""},
		{"create date, unknown seminar", http.MethodPost, "/api/v1/admin/seminars/99999/dates", token, goodDate, http.StatusNotFound, `"not_found"`},
		{"list dates", http.MethodGet, semPath, token, "", http.StatusOK, `"dates"`},
		{"create seminar", http.MethodPost, "/api/v1/admin/seminars", token,
			`{"title_de":"Social Media für Führungskräfte","functions":["management"],"duration_minutes":480,"default_price_cents":59000}`,
			http.StatusCreated, `"slug":"social-media-fuer-fuehrungskraefte"`},
		{"create seminar, taken slug", http.MethodPost, "/api/v1/admin/seminars", token,
			`{"title_de":"Social Media für Führungskräfte","duration_minutes":480}`, http.StatusUnprocessableEntity, `"slug"`},
		{"list bookings", http.MethodGet, "/api/v1/admin/bookings?q=nothing", token, "", http.StatusOK, `"bookings":[]`},
		{"attendees", http.MethodGet, fmt.Sprintf("/api/v1/admin/dates/%d/attendees", date.ID), token, "", http.StatusOK, `"attendees":[]`},
		{"attendees, unknown date", http.MethodGet, "/api/v1/admin/dates/99999/attendees", token, "", http.StatusNotFound, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := env.api(c.method, c.path, c.token, c.body)
			if status != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), body %s (want %q)", status, c.wantStatus, body, c.wantBody)
			}
		})
	}
}

func TestAdminAPIDateCreatedIsStored(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	status, body := env.api(http.MethodPost, fmt.Sprintf("/api/v1/admin/seminars/%d/dates", date.SeminarID), env.apiToken(),
		`{"starts_at":"2027-03-10T09:00:00+01:00","ends_at":"2027-03-10T17:00:00+01:00","capacity":12,"format":"online","online_url":"https://meet.example.com/x"}`)
	if status != http.StatusCreated {
		t.Fatalf("status %d: %s", status, body)
	}
	var got struct {
		ID            uint   `json:"id"`
		PriceNetCents int64  `json:"price_net_cents"`
		StartsAt      string `json:"starts_at"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || got.ID == 0 {
		t.Fatalf("no id in %s: %v", body, err)
	}
	stored, err := env.st.DateByID(context.Background(), got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Capacity != 12 || stored.OnlineURL != "https://meet.example.com/x" || got.StartsAt != "2027-03-10T08:00:00Z" {
		t.Fatalf("stored %+v, answered %+v", stored, got)
	}
	if got.PriceNetCents != date.Seminar.DefaultPriceCents {
		t.Fatalf("price %d, want the seminar's default %d", got.PriceNetCents, date.Seminar.DefaultPriceCents)
	}
}
