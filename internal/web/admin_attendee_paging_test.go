package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestAttendeeListPages pages a date's attendee list in the back office and the admin API: by
// name, totals of the whole list, links to the neighbours; a page past the end redirects to the
// last page (the API answers it empty); unreadable paging parameters redirect to the list
// without them (the API answers 422).
func TestAttendeeListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		// Seven bookings, one cancelled: Name0000000, 2, 3, 4, 5, 6 hold seats.
		date := seedBulkHistory(t, st, 7, 7)[0]
		owner, token := env.signedIn("owner@example.com"), env.token(model.RoleAssistant)
		base := fmt.Sprintf("/admin/dates/%d/attendees", date.ID)
		checkPagedPages(t, owner, base, []pagedPageCase{
			{name: "first page", query: "?per_page=3", want: []string{"Name0000000", "Name0000003", `rel="next"`, "Seite 1 von 2 (6 insgesamt)", "6 Teilnehmende"},
				notWant: []string{"Name0000004", `rel="prev"`, "Name0000001"}},
			{name: "last page", query: "?per_page=3&page=2", want: []string{"Name0000004", "Name0000006", `rel="prev"`, `href="` + base + `?page=1&amp;per_page=3"`, "6 Teilnehmende"},
				notWant: []string{"Name0000003", `rel="next"`}},
			{name: "page past the end: the last page", query: "?per_page=3&page=9", location: base + "?page=2&per_page=3",
				want: []string{"Name0000004", "Name0000006", `rel="prev"`}, notWant: []string{"Name0000003", `rel="next"`}},
			{name: "unreadable parameters: the list without them", query: "?page=x&per_page=-4", location: base,
				want: []string{"Name0000000", "Name0000006"}, notWant: []string{`rel="next"`}},
			{name: "unreadable page, size kept", query: "?page=0&per_page=3", location: base + "?per_page=3",
				want: []string{"Name0000000", "Name0000003", `rel="next"`}, notWant: []string{"Name0000004"}},
			{name: "more than a page holds: the list without it", query: "?per_page=501", location: base, want: []string{"Name0000006"}},
		})
		lastNames := func(t *testing.T, raw []byte) string {
			var out struct {
				Attendees []struct {
					LastName string `json:"last_name"`
				} `json:"attendees"`
			}
			if err := json.Unmarshal(raw, &out); err != nil {
				t.Fatal(err)
			}
			names := []string{}
			for _, a := range out.Attendees {
				names = append(names, a.LastName)
			}
			return fmt.Sprint(names)
		}
		checkPagedAPI(t, env, "/api/v1"+base, token, lastNames, []pagedAPICase{
			{name: "all on one page", status: 200, rows: "[Name0000000 Name0000002 Name0000003 Name0000004 Name0000005 Name0000006]", total: 6},
			{name: "first of three", query: "?per_page=2", status: 200, rows: "[Name0000000 Name0000002]", total: 6, next: 2},
			{name: "last of three", query: "?per_page=2&page=3", status: 200, rows: "[Name0000005 Name0000006]", total: 6},
			{name: "past the end: empty", query: "?per_page=2&page=9", status: 200, rows: "[]", total: 6},
			{name: "page not a number", query: "?page=zwei", status: 422, invalid: []string{"page"}},
			{name: "more than a page holds", query: "?per_page=1001", status: 422, invalid: []string{"per_page"}},
			{name: "both out of range", query: "?page=0&per_page=0", status: 422, invalid: []string{"page", "per_page"}},
		})
	})
}

// TestHugeDateLists opens the lists of a date with more seat-holding bookings than SQLite binds
// parameters (32,766): they used to fail with "too many SQL variables" and a 500.
func TestHugeDateLists(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds 41,000 bookings")
	}
	st := storetest.SQLite(t)
	env := newAdminEnvAt(t, st, storetest.NewClock(t))
	date := seedBulkHistory(t, st, 41000, 41000)[0] // 32,800 hold seats
	owner, token := env.signedIn("owner@example.com"), env.token(model.RoleOwner)
	base := fmt.Sprintf("/admin/dates/%d/attendees", date.ID)
	cases := []struct {
		name, path, want string
		api              bool
	}{
		{"attendee list page", base + "?page=3", "32800 Teilnehmende", false},
		{"attendee list, CSV of everyone", base + ".csv", "Name0040999", false},
		{"admin API attendee list", "/api/v1" + base + "?page=33", `"total":32800`, true},
		{"admin API cancel preview", fmt.Sprintf("/api/v1/admin/dates/%d/cancel", date.ID), "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var status int
			var body string
			if c.api {
				res, raw := env.get(c.path, token)
				status, body = res.StatusCode, string(raw)
			} else {
				res, text := owner.get(c.path)
				status, body = res.StatusCode, text
			}
			if status != http.StatusOK || !strings.Contains(body, c.want) {
				t.Fatalf("status %d, want 200 with %q: %.300s", status, c.want, body)
			}
		})
	}
}
