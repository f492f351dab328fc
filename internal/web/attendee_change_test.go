package web

import (
	"context"
	"encoding/json"
	"fmt"
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

// TestAdminAPIAttendees: POST and DELETE /api/v1/admin/bookings/{reference}/attendees on both
// databases: add with a free seat (201, amount due grows), add when full (409, nothing changed),
// bad input (422), cancel with the policy's fee, the last attendee refused (422), without a fee
// only for owners' tokens (403 for an assistant's), unknown attendee (404).
func TestAdminAPIAttendees(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		ctx := context.Background()
		owner := env.apiToken()
		status, body := env.signedIn("owner@example.com").post("/admin/access", "/admin/access/tokens", url.Values{"name": {"ci"}, "role": {model.RoleAssistant}})
		m := regexp.MustCompile(`<code class="token">([^<]+)</code>`).FindStringSubmatch(body)
		if status.StatusCode != http.StatusOK || m == nil {
			t.Fatalf("assistant token: %d", status.StatusCode)
		}
		assistant := m[1]
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 3, StartsIn: 10 * 24 * time.Hour}) // inside the 50 % period
		b, token := env.reserveInvoice(date.ID)
		path := "/api/v1/admin/bookings/" + b.Reference + "/attendees"
		var added attendeeChangeJSON
		cases := []struct {
			name       string
			method     string
			path       func() string
			token      string
			body       string
			wantStatus int
			wantSeats  int
		}{
			{"add with a free seat", http.MethodPost, func() string { return path }, assistant, `{"first_name":"Cora","last_name":"Neu","email":"cora@ledger.example"}`, http.StatusCreated, 3},
			{"add when full", http.MethodPost, func() string { return path }, owner, `{"first_name":"Dora","last_name":"Neu","email":"dora@ledger.example"}`, http.StatusConflict, 3},
			{"add with a bad e-mail", http.MethodPost, func() string { return path }, owner, `{"first_name":"Dora","last_name":"Neu","email":"dora"}`, http.StatusUnprocessableEntity, 3},
			{"assistant without a fee", http.MethodDelete, func() string { return fmt.Sprintf("%s/%d?without_fee=true", path, added.Attendee.ID) }, assistant, "", http.StatusForbidden, 3},
			{"unknown attendee", http.MethodDelete, func() string { return path + "/999999" }, owner, "", http.StatusUnprocessableEntity, 3},
			{"cancel with the policy", http.MethodDelete, func() string { return fmt.Sprintf("%s/%d", path, added.Attendee.ID) }, assistant, "", http.StatusOK, 2},
			{"owner cancels without a fee", http.MethodDelete, func() string { return fmt.Sprintf("%s/%d?without_fee=true", path, b.Attendees[1].ID) }, owner, "", http.StatusOK, 1},
			{"the last attendee", http.MethodDelete, func() string { return fmt.Sprintf("%s/%d", path, b.Attendees[0].ID) }, owner, "", http.StatusUnprocessableEntity, 1},
			{"no token", http.MethodPost, func() string { return path }, "", `{}`, http.StatusUnauthorized, 1},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before, _ := st.InvoicesForBooking(ctx, b.ID)
				status, body := env.api(c.method, c.path(), c.token, c.body)
				if status != c.wantStatus {
					t.Fatalf("status %d, want %d: %s", status, c.wantStatus, body)
				}
				after, _ := st.BookingByReference(ctx, b.Reference)
				docs, _ := st.InvoicesForBooking(ctx, b.ID)
				if after.Seats != c.wantSeats || len(after.Attendees) != c.wantSeats {
					t.Fatalf("%d seats, %d attendees; want %d", after.Seats, len(after.Attendees), c.wantSeats)
				}
				due, _ := env.money(b.Reference, token)
				if due != after.GrossCents {
					t.Fatalf("amount due %d, gross %d", due, after.GrossCents)
				}
				if status >= 300 {
					if len(docs) != len(before) {
						t.Fatalf("refused, yet %d → %d documents", len(before), len(docs))
					}
					return
				}
				var v attendeeChangeJSON
				if err := json.Unmarshal([]byte(body), &v); err != nil || v.Seats != c.wantSeats || v.AmountDueCents != due || v.Invoice == "" || v.CreditNote == "" || len(docs) != len(before)+2 {
					t.Fatalf("answer %s (%v), %d → %d documents", body, err, len(before), len(docs))
				}
				if c.method == http.MethodPost {
					added = v
				}
				if wantFee := c.name == "cancel with the policy"; (v.FeeCents > 0) != wantFee {
					t.Fatalf("fee %d", v.FeeCents)
				}
			})
		}
	})
}

// TestManagePageAttendees: the booker adds a person and cancels one on the manage page, in
// German and in English; after the substitution deadline the section is gone and a posted add
// is refused; the last attendee is refused with the advice to cancel the booking.
func TestManagePageAttendees(t *testing.T) {
	cases := []struct {
		name       string
		lang       string
		startsIn   time.Duration
		action     string // add or cancel
		wantStatus int
		wantBody   string
		wantSeats  int
	}{
		{"de: add", "de", 30 * 24 * time.Hour, "add", http.StatusSeeOther, "", 3},
		{"en: add", "en", 30 * 24 * time.Hour, "add", http.StatusSeeOther, "", 3},
		{"de: cancel one, free", "de", 30 * 24 * time.Hour, "cancel", http.StatusSeeOther, "", 1},
		{"en: cancel one with a fee", "en", 10 * 24 * time.Hour, "cancel", http.StatusSeeOther, "", 1},
		{"de: add after the deadline", "de", 12 * time.Hour, "add", http.StatusUnprocessableEntity, "nicht mehr hinzugefügt", 2},
		{"en: add with a bad name", "en", 30 * 24 * time.Hour, "add-bad", http.StatusUnprocessableEntity, "Add an attendee", 2},
		{"de: cancel the last one", "de", 30 * 24 * time.Hour, "cancel-last", http.StatusUnprocessableEntity, "ganze Buchung", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := newAdminEnv(t)
			ctx := context.Background()
			date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5, StartsIn: c.startsIn})
			b, token := env.reserveInvoice(date.ID)
			prefix := ""
			if c.lang == "en" {
				prefix = "/en"
			}
			page := prefix + "/b/" + b.Reference + "?t=" + url.QueryEscape(token)
			browser := env.browser()
			res, body := browser.get(page)
			open := c.startsIn > 24*time.Hour
			if res.StatusCode != http.StatusOK || strings.Contains(body, `id="attendees"`) != open {
				t.Fatalf("manage page %d, attendee section shown: %v", res.StatusCode, strings.Contains(body, `id="attendees"`))
			}
			form := url.Values{"t": {token}, "first_name": {"Cora"}, "last_name": {"Neu"}, "email": {"cora@ledger.example"}}
			action := "/attendees/add"
			switch c.action {
			case "add-bad":
				form.Set("first_name", "")
			case "cancel":
				action, form = "/attendees/cancel", url.Values{"t": {token}, "attendee_id": {fmt.Sprint(b.Attendees[1].ID)}}
			case "cancel-last":
				first, err := env.srv.office.CancelAttendee(ctx, "setup", b.Reference, b.Attendees[1].ID, true)
				if err != nil || first.After.Seats != 1 {
					t.Fatal(err)
				}
				action, form = "/attendees/cancel", url.Values{"t": {token}, "attendee_id": {fmt.Sprint(b.Attendees[0].ID)}}
			}
			csrfPage := page
			if !open { // no form on the manage page any more: the cancel page has the CSRF token
				csrfPage = prefix + "/b/" + b.Reference + "/cancel?t=" + url.QueryEscape(token)
			}
			res, body = browser.post(csrfPage, prefix+"/b/"+b.Reference+action, form)
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), has %q: %v", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody))
			}
			after, _ := env.st.BookingByReference(ctx, b.Reference)
			if after.Seats != c.wantSeats {
				t.Fatalf("%d seats, want %d", after.Seats, c.wantSeats)
			}
			if res.StatusCode == http.StatusSeeOther {
				res, body = browser.get(res.Header.Get("Location"))
				if res.StatusCode != http.StatusOK || !strings.Contains(body, `notice-ok`) {
					t.Fatalf("after the change: %d", res.StatusCode)
				}
			}
		})
	}
}

// TestAdminAttendeePages: the attendee list links to adding and cancelling; an assistant adds
// and cancels with the policy, only an owner without a fee.
func TestAdminAttendeePages(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5, StartsIn: 10 * 24 * time.Hour})
	b := env.book(date.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier", "Carl Weber")
	assistant, owner := env.signedIn("assistant@example.com"), env.signedIn("owner@example.com")
	list := fmt.Sprintf("/admin/dates/%d/attendees", date.ID)
	if res, body := assistant.get(list); res.StatusCode != http.StatusOK || !strings.Contains(body, "/attendees/new") || !strings.Contains(body, "/cancel") {
		t.Fatalf("attendee list: %d", res.StatusCode)
	}
	newPage := "/admin/bookings/" + b.Reference + "/attendees/new"
	cancelPage := func(id uint) string { return fmt.Sprintf("/admin/bookings/%s/attendees/%d/cancel", b.Reference, id) }
	cases := []struct {
		name       string
		as         *adminBrowser
		page, path string
		form       url.Values
		wantStatus int
		wantSeats  int
	}{
		{"assistant adds", assistant, newPage, "/admin/bookings/" + b.Reference + "/attendees", url.Values{"first_name": {"Dora"}, "last_name": {"Neu"}, "email": {"dora@example.com"}}, http.StatusSeeOther, 4},
		{"a bad e-mail", assistant, newPage, "/admin/bookings/" + b.Reference + "/attendees", url.Values{"first_name": {"Dora"}, "last_name": {"Neu"}, "email": {"x"}}, http.StatusUnprocessableEntity, 4},
		{"assistant without a fee", assistant, cancelPage(b.Attendees[0].ID), cancelPage(b.Attendees[0].ID), url.Values{"without_fee": {"1"}}, http.StatusForbidden, 4},
		{"assistant with the policy", assistant, cancelPage(b.Attendees[0].ID), cancelPage(b.Attendees[0].ID), url.Values{}, http.StatusSeeOther, 3},
		{"owner without a fee", owner, cancelPage(b.Attendees[1].ID), cancelPage(b.Attendees[1].ID), url.Values{"without_fee": {"1"}}, http.StatusSeeOther, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, _ := c.as.post(c.page, c.path, c.form)
			if res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, c.wantStatus)
			}
			after, _ := env.st.BookingByReference(ctx, b.Reference)
			if after.Seats != c.wantSeats {
				t.Fatalf("%d seats, want %d", after.Seats, c.wantSeats)
			}
		})
	}
	after, _ := env.st.BookingByReference(ctx, b.Reference)
	// 4 seats, one cancelled at 50 % and one free of charge: two seats and half of one are owed.
	if want := after.UnitNetCents/2 + 2*after.UnitNetCents; after.NetCents != want {
		t.Fatalf("net %d, want %d", after.NetCents, want)
	}
}
