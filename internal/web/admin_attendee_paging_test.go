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
// name, totals of the whole list, links to the neighbours, lenient page parameters.
func TestAttendeeListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		// Seven bookings, one cancelled: Name0000000, 2, 3, 4, 5, 6 hold seats.
		date := seedBulkHistory(t, st, 7, 7)[0]
		owner, token := env.signedIn("owner@example.com"), env.token(model.RoleAssistant)
		base := fmt.Sprintf("/admin/dates/%d/attendees", date.ID)
		html := []struct {
			name, query   string
			want, notWant []string
		}{
			{"first page", "?per_page=3", []string{"Name0000000", "Name0000003", `rel="next"`, "Seite 1 von 2 (6 insgesamt)", "6 Teilnehmende"},
				[]string{"Name0000004", `rel="prev"`, "Name0000001"}},
			{"last page", "?per_page=3&page=2", []string{"Name0000004", "Name0000006", `rel="prev"`, `href="` + base + `?page=1&amp;per_page=3"`},
				[]string{"Name0000003", `rel="next"`}},
			{"page past the end: the last page", "?per_page=3&page=9", []string{"Name0000004", "Name0000006", `rel="prev"`}, []string{"Name0000003", `rel="next"`}},
			{"unreadable parameters: first page, default size", "?page=x&per_page=-4", []string{"Name0000000", "Name0000006"}, []string{`rel="next"`}},
		}
		for _, c := range html {
			t.Run("html/"+c.name, func(t *testing.T) {
				res, body := owner.get(base + c.query)
				if res.StatusCode == http.StatusSeeOther { // past the end: sent on to the last page
					res, body = owner.get(res.Header.Get("Location"))
				}
				if res.StatusCode != http.StatusOK {
					t.Fatalf("status %d", res.StatusCode)
				}
				for _, w := range c.want {
					if !strings.Contains(body, w) {
						t.Errorf("page lacks %q", w)
					}
				}
				for _, w := range c.notWant {
					if strings.Contains(body, w) {
						t.Errorf("page has %q", w)
					}
				}
			})
		}
		api := []struct {
			name, query string
			names       []string
			next        int
		}{
			{"all on one page", "", []string{"Name0000000", "Name0000002", "Name0000003", "Name0000004", "Name0000005", "Name0000006"}, 0},
			{"first of three", "?per_page=2", []string{"Name0000000", "Name0000002"}, 2},
			{"last of three", "?per_page=2&page=3", []string{"Name0000005", "Name0000006"}, 0},
		}
		for _, c := range api {
			t.Run("api/"+c.name, func(t *testing.T) {
				res, raw := env.get("/api/v1"+base+c.query, token)
				var out struct {
					Attendees []struct {
						LastName string `json:"last_name"`
					} `json:"attendees"`
					Total    int `json:"total"`
					NextPage int `json:"next_page"`
				}
				if err := json.Unmarshal(raw, &out); err != nil || res.StatusCode != http.StatusOK {
					t.Fatalf("status %d, %v: %s", res.StatusCode, err, raw)
				}
				var names []string
				for _, a := range out.Attendees {
					names = append(names, a.LastName)
				}
				if fmt.Sprint(names) != fmt.Sprint(c.names) || out.Total != 6 || out.NextPage != c.next {
					t.Fatalf("got %v, total %d, next %d; want %v, 6, %d", names, out.Total, out.NextPage, c.names, c.next)
				}
			})
		}
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
