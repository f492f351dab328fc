package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestAssistantRefusedMoneyOperations: prices and payments are the owner's; the assistant may
// run everything else.
func TestAssistantRefusedMoneyOperations(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10, PriceNetCents: 49000})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	assistant := env.signedIn("assistant@example.com")
	loc := env.srv.cfg.Location
	dateForm := func(capacity, price, earlyBird, until string) url.Values {
		return url.Values{"starts_at": {date.StartsAt.In(loc).Format("2006-01-02T15:04")}, "ends_at": {date.EndsAt.In(loc).Format("2006-01-02T15:04")},
			"capacity": {capacity}, "price_net": {price}, "early_bird_net": {earlyBird}, "early_bird_until": {until},
			"format": {"in_person"}, "city": {date.City}, "venue": {date.Venue}, "address": {date.Address}, "status": {"published"}}
	}
	datePath := fmt.Sprintf("/admin/dates/%d", date.ID)
	semPath := fmt.Sprintf("/admin/seminars/%d", date.SeminarID)
	seminar := func(price string) url.Values {
		return url.Values{"title_de": {date.Seminar.TitleDE}, "slug": {date.Seminar.Slug}, "duration_minutes": {"480"}, "default_price": {price}}
	}
	cases := []struct {
		name       string
		path       string
		form       url.Values
		wantStatus int
	}{
		{"mark paid", "/admin/bookings/" + b.Reference + "/paid", nil, http.StatusForbidden},
		{"change a date's price", datePath, dateForm("10", "590", "", ""), http.StatusForbidden},
		{"add an early-bird price", datePath, dateForm("10", "490", "390", "2026-12-01"), http.StatusForbidden},
		{"new date below the default price", semPath + "/dates", dateForm("10", "100", "", ""), http.StatusForbidden},
		{"new date at the default price", semPath + "/dates", dateForm("10", "490", "", ""), http.StatusForbidden},
		{"change a seminar's default price", semPath, seminar("990"), http.StatusForbidden},
		{"new seminar", "/admin/seminars", url.Values{"title_de": {"Billig"}, "slug": {"billig"}, "duration_minutes": {"480"}, "default_price": {"0,01"}}, http.StatusForbidden},
		{"new voucher", "/admin/vouchers", url.Values{"code": {"ALLES"}, "percent": {"100"}}, http.StatusForbidden},
		{"change capacity only", datePath, dateForm("12", "490", "", ""), http.StatusSeeOther},
		{"change a seminar's text", semPath, seminar("490"), http.StatusSeeOther},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if res, _ := assistant.post("/admin", c.path, c.form); res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, c.wantStatus)
			}
		})
	}
	for _, page := range []string{"/admin/seminars/new", semPath + "/dates/new"} {
		if res, body := assistant.get(page); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Das darf nur die Leitung.") {
			t.Fatalf("%s for the assistant: %d, want 403 with a clear message", page, res.StatusCode)
		}
	}
	if _, body := assistant.get("/admin/seminars"); strings.Contains(body, "/admin/seminars/new") || strings.Contains(body, "/dates/new") {
		t.Fatal("the seminar list offers the assistant new seminars or dates")
	}
	if n, _ := env.st.CountSeminars(context.Background()); n != 1 {
		t.Fatalf("%d seminars after the assistant's attempts, want 1", n)
	}
	if sems, _, _ := env.st.AdminSeminarsPage(context.Background(), 0, 500); len(sems) != 1 || sems[0].DateCount != 1 {
		t.Fatalf("the assistant added a date: %+v", sems)
	}
	after, _ := env.st.DateByID(context.Background(), date.ID)
	if after.PriceNetCents != 49000 || after.EarlyBirdNetCents != 0 || after.Capacity != 12 {
		t.Fatalf("date after the assistant's edits: price %d, early bird %d, capacity %d", after.PriceNetCents, after.EarlyBirdNetCents, after.Capacity)
	}
	got, _ := env.st.BookingByReference(context.Background(), b.Reference)
	if got.PaymentStatus != "unpaid" {
		t.Fatalf("the assistant marked a booking paid")
	}
}

// TestMoneySettingsOwnerOnly: seminar default prices and date prices are set on create as on
// update only by owners, in the back-office forms and through the admin API (by the token's role).
func TestMoneySettingsOwnerOnly(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10, PriceNetCents: 49000})
	owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
	ownerToken := env.apiToken()
	// The owner makes the assistant's token in the back office; the page shows it once.
	res, page := owner.post("/admin/access", "/admin/access/tokens", url.Values{"name": {"helper"}, "role": {model.RoleAssistant}})
	m := regexp.MustCompile(`<code class="token">([^<]+)</code>`).FindStringSubmatch(page)
	if res.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("token form: %d, no token on the page", res.StatusCode)
	}
	assistantToken := m[1]
	loc := env.srv.cfg.Location
	start := date.StartsAt.In(loc).AddDate(0, 1, 0)
	dateForm := func(price string) url.Values {
		return url.Values{"starts_at": {start.Format("2006-01-02T15:04")}, "ends_at": {start.Add(8 * time.Hour).Format("2006-01-02T15:04")},
			"capacity": {"10"}, "price_net": {price}, "format": {"in_person"}, "city": {"Köln"}, "venue": {"Haus"}, "address": {"Str. 1"}, "status": {"published"}}
	}
	seminarForm := func(slug, price string) url.Values {
		return url.Values{"title_de": {"Seminar " + slug}, "slug": {slug}, "duration_minutes": {"480"}, "default_price": {price}}
	}
	apiDate := `{"starts_at":"2027-03-10T09:00:00+01:00","ends_at":"2027-03-10T17:00:00+01:00","capacity":12,
		"price_net_cents":49000,"format":"in_person","city":"Hamburg","venue":"Speicher 7"}`
	apiSeminar := func(title string) string {
		return fmt.Sprintf(`{"title_de":%q,"duration_minutes":480,"default_price_cents":1}`, title)
	}
	semPath := fmt.Sprintf("/admin/seminars/%d", date.SeminarID)
	apiDates := fmt.Sprintf("/api/v1/admin/seminars/%d/dates", date.SeminarID)
	cases := []struct {
		name       string
		send       func() int
		wantStatus int
	}{
		{"form: assistant creates a seminar", func() int {
			r, _ := assistant.post("/admin", "/admin/seminars", seminarForm("a-neu", "0,01"))
			return r.StatusCode
		}, http.StatusForbidden},
		{"form: assistant creates a date at the default price", func() int { r, _ := assistant.post("/admin", semPath+"/dates", dateForm("490")); return r.StatusCode }, http.StatusForbidden},
		{"form: assistant creates a cheap date", func() int { r, _ := assistant.post("/admin", semPath+"/dates", dateForm("0,01")); return r.StatusCode }, http.StatusForbidden},
		{"form: assistant changes the default price", func() int {
			r, _ := assistant.post("/admin", semPath, seminarForm(date.Seminar.Slug, "0,01"))
			return r.StatusCode
		}, http.StatusForbidden},
		{"form: assistant creates a voucher", func() int {
			r, _ := assistant.post("/admin", "/admin/vouchers", url.Values{"code": {"GRATIS"}, "percent": {"100"}})
			return r.StatusCode
		}, http.StatusForbidden},
		{"API: assistant's token creates a seminar", func() int {
			s, _ := env.api(http.MethodPost, "/api/v1/admin/seminars", assistantToken, apiSeminar("Billig"))
			return s
		}, http.StatusForbidden},
		{"API: assistant's token creates a date", func() int { s, _ := env.api(http.MethodPost, apiDates, assistantToken, apiDate); return s }, http.StatusForbidden},
		{"API: assistant's token still reads", func() int { s, _ := env.api(http.MethodGet, "/api/v1/admin/seminars", assistantToken, ""); return s }, http.StatusOK},
		{"form: owner creates a seminar", func() int {
			r, _ := owner.post("/admin", "/admin/seminars", seminarForm("o-neu", "590"))
			return r.StatusCode
		}, http.StatusSeeOther},
		{"form: owner creates a date", func() int { r, _ := owner.post("/admin", semPath+"/dates", dateForm("490")); return r.StatusCode }, http.StatusSeeOther},
		{"API: owner's token creates a seminar", func() int {
			s, _ := env.api(http.MethodPost, "/api/v1/admin/seminars", ownerToken, apiSeminar("Vom Inhaber"))
			return s
		}, http.StatusCreated},
		{"API: owner's token creates a date", func() int { s, _ := env.api(http.MethodPost, apiDates, ownerToken, apiDate); return s }, http.StatusCreated},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.send(); got != c.wantStatus {
				t.Fatalf("status %d, want %d", got, c.wantStatus)
			}
		})
	}
	sems, _, err := env.st.AdminSeminarsPage(context.Background(), 0, 500)
	if err != nil {
		t.Fatal(err)
	}
	dates := int64(0)
	for _, s := range sems {
		dates += s.DateCount
		if s.DefaultPriceCents < 100 && s.TitleDE != "Vom Inhaber" {
			t.Fatalf("seminar %q has the assistant's price %d", s.TitleDE, s.DefaultPriceCents)
		}
	}
	if len(sems) != 3 || dates != 3 {
		t.Fatalf("%d seminars with %d dates, want the owner's only: 3 and 3", len(sems), dates)
	}
	if vs, _ := env.st.VouchersBefore(context.Background(), 0, 1); len(vs) != 0 {
		t.Fatalf("the assistant made %d vouchers", len(vs))
	}
}
