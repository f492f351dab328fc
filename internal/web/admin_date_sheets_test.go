package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestAdminDateSignInSheetAndBadges: staff download a date's sign-in sheet (all days or one)
// and its badges as PDF, on both databases; an unknown date or day is a 404, and a signed-out
// visitor is sent to the login.
func TestAdminDateSignInSheetAndBadges(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		date := threeDayDate(t, st)
		env.book(date.ID, "Muster GmbH", "Jörg Übel", "Anna Schmidt")
		staff := env.signedIn("assistant@example.com")

		page := fmt.Sprintf("/admin/dates/%d", date.ID)
		_, list := staff.get(page + "/attendees")
		for _, link := range []string{page + "/sign-in-sheet.pdf", page + "/sign-in-sheet.pdf?day=3", page + "/badges.pdf"} {
			if !strings.Contains(list, `href="`+link+`"`) {
				t.Errorf("attendee list does not link %s", link)
			}
		}

		cases := []struct {
			name   string
			path   string
			status int
			want   []string
		}{
			{"every day", page + "/sign-in-sheet.pdf", http.StatusOK,
				[]string{"Teilnehmendenliste mit Unterschrift", "Tag 1 von 3", "Tag 3 von 3", "Schmidt, Anna", "Übel, Jörg", "Muster GmbH"}},
			{"one day", page + "/sign-in-sheet.pdf?day=2", http.StatusOK, []string{"Tag 2 von 3: 02.12.2026, 09:00–17:00 Uhr", "Übel, Jörg"}},
			{"badges", page + "/badges.pdf", http.StatusOK, []string{"Jörg Übel", "Anna Schmidt", "Muster GmbH"}},
			{"a day the date lacks", page + "/sign-in-sheet.pdf?day=4", http.StatusNotFound, nil},
			{"a day that is no number", page + "/sign-in-sheet.pdf?day=x", http.StatusNotFound, nil},
			{"unknown date, sheet", "/admin/dates/999999/sign-in-sheet.pdf", http.StatusNotFound, nil},
			{"unknown date, badges", "/admin/dates/999999/badges.pdf", http.StatusNotFound, nil},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				res, body := staff.get(tc.path)
				if res.StatusCode != tc.status {
					t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
				}
				if tc.status != http.StatusOK {
					return
				}
				if ct := res.Header.Get("Content-Type"); ct != "application/pdf" {
					t.Errorf("content type %q", ct)
				}
				if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
					t.Errorf("cache control %q", cc)
				}
				text := strings.Join(strings.Fields(pdfTextOf(t, []byte(body))), " ")
				for _, w := range tc.want {
					if !strings.Contains(text, w) {
						t.Errorf("PDF lacks %q:\n%s", w, text)
					}
				}
			})
		}

		for _, path := range []string{page + "/sign-in-sheet.pdf", page + "/badges.pdf"} {
			res, _ := env.browser().get(path)
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
				t.Errorf("%s signed out: status %d, location %q", path, res.StatusCode, res.Header.Get("Location"))
			}
		}
	})
}
