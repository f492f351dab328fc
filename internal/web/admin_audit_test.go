package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

func TestAdminAuditLog(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10, PriceNetCents: 49000})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	owner := env.signedIn("owner@example.com")
	assistant := env.signedIn("assistant@example.com")

	form := url.Values{"starts_at": {date.StartsAt.In(env.srv.cfg.Location).Format("2006-01-02T15:04")},
		"ends_at": {date.EndsAt.In(env.srv.cfg.Location).Format("2006-01-02T15:04")}, "capacity": {"14"},
		"price_net": {"590"}, "format": {"in_person"}, "city": {date.City}, "venue": {date.Venue}, "address": {date.Address}, "status": {"published"}}
	if res, _ := owner.post("/admin", fmt.Sprintf("/admin/dates/%d", date.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("date edit: %d", res.StatusCode)
	}
	form.Set("capacity", "15")
	form.Del("_csrf") // the assistant has their own token
	if res, _ := assistant.post("/admin", fmt.Sprintf("/admin/dates/%d", date.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("capacity edit by the assistant: %d", res.StatusCode)
	}
	if res, _ := owner.post("/admin/bookings", "/admin/bookings/"+b.Reference+"/paid", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark paid: %d", res.StatusCode)
	}
	status, body := env.api(http.MethodPost, fmt.Sprintf("/api/v1/admin/seminars/%d/dates", date.SeminarID), env.apiToken(),
		`{"starts_at":"2027-03-10T09:00:00+01:00","ends_at":"2027-03-10T17:00:00+01:00","capacity":5,"format":"in_person","city":"Bonn"}`)
	if status != http.StatusCreated {
		t.Fatalf("api: %d %s", status, body)
	}

	if res, _ := assistant.get("/admin/audit"); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant sees the audit log: %d", res.StatusCode)
	}
	res, page := owner.get("/admin/audit")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("owner: %d", res.StatusCode)
	}
	cases := []struct{ name, want string }{
		{"who changed the date", "assistant@example.com"},
		{"the assistant's capacity change", "capacity: 14 → 15"},
		{"capacity change", "capacity: 10 → 14"},
		{"price change", "price_net_cents: 49000 → 59000"},
		{"payment recorded by the owner", "booking " + b.Reference},
		{"API change names the token", "api:test"},
		{"unchanged fields are left out", "Termin geändert"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(page, c.want) {
				t.Fatalf("audit log lacks %q\n%s", c.want, excerpt(page))
			}
		})
	}
	if strings.Contains(page, "city: "+date.City+" →") {
		t.Fatal("an unchanged city is logged as a change")
	}
}
