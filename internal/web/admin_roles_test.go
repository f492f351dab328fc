package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

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
		{"change a seminar's default price", semPath, seminar("990"), http.StatusForbidden},
		{"change capacity only", datePath, dateForm("12", "490", "", ""), http.StatusSeeOther},
		{"new date at the default price", semPath + "/dates", dateForm("10", "490", "", ""), http.StatusSeeOther},
		{"change a seminar's text", semPath, seminar("490"), http.StatusSeeOther},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if res, _ := assistant.post("/admin", c.path, c.form); res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, c.wantStatus)
			}
		})
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
