package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

// TestAdminDateCancelledPages: after cancelling a date the trainer lands on its attendee list
// with a confirmation, the list says the date is cancelled (not "nobody booked yet"), and the
// cancel page opened again says it is done instead of offering a form it then refuses.
func TestAdminDateCancelledPages(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 8})
	env.book(date.ID, "Muster GmbH", "Anna Schmidt")
	page := fmt.Sprintf("/admin/dates/%d/cancel", date.ID)
	owner := env.signedIn("owner@example.com")
	res, _ := owner.post(page, page, nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d", res.StatusCode)
	}
	list := res.Header.Get("Location")
	cases := []struct {
		name, path string
		want, not  []string
	}{
		{"the list after cancelling", list,
			[]string{`role="status"`, "Der Termin ist abgesagt. Alle Buchungen sind storniert", "Dieser Termin ist abgesagt"},
			[]string{"noch niemand gebucht"}},
		{"the list later", fmt.Sprintf("/admin/dates/%d/attendees", date.ID),
			[]string{"Dieser Termin ist abgesagt"},
			[]string{"noch niemand gebucht", "Der Termin ist abgesagt. Alle"}},
		{"the cancel page again", page,
			[]string{"Dieser Termin ist bereits abgesagt", fmt.Sprintf(`href="/admin/dates/%d/attendees"`, date.ID)},
			[]string{`action="` + page + `"`, "kann hier nicht (mehr) abgesagt werden", "0 Buchungen"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := owner.get(tc.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", tc.path, res.StatusCode)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(body, w) {
					t.Errorf("says %q", w)
				}
			}
		})
	}
}
