package web_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// addDate adds another date of date's seminar, a week after it, with the seats given.
func addDate(t *testing.T, st *store.Store, date model.SeminarDate, capacity, taken int) model.SeminarDate {
	t.Helper()
	d := model.SeminarDate{SeminarID: date.SeminarID, StartsAt: date.StartsAt.AddDate(0, 0, 7), EndsAt: date.EndsAt.AddDate(0, 0, 7),
		Capacity: capacity, SeatsTaken: taken, PriceNetCents: date.PriceNetCents, Format: date.Format, City: "Hamburg",
		Venue: "Tagungshaus", Address: "Hafenstraße 1, 20359 Hamburg", Status: model.DatePublished}
	if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateDate(context.Background(), &d) }); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBookingFullDateShowsWaitlist: the booking page of a full date offers its waiting list and
// the seminar's other dates with free seats, never a form that could only be refused.
func TestBookingFullDateShowsWaitlist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		full := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 4, SeatsTaken: 4})
		free := addDate(t, st, full, 10, 3)
		alsoFull := addDate(t, st, free, 5, 5)
		ts := newServer(t, st)
		c := client(t)
		cases := []struct {
			name, prefix string
			want         []string
		}{
			{"German", "", []string{"Dieser Termin ist ausgebucht", "Auf die Warteliste für diesen Termin", "Andere Termine dieses Seminars"}},
			{"English", "/en", []string{"This date is fully booked", "Join the waiting list for this date", "Other dates of this seminar"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				status, body, _ := do(t, c, "GET", fmt.Sprintf("%s%s/book/%d", ts.URL, tc.prefix, full.ID), "", "")
				if status != 200 {
					t.Fatalf("status %d: %.300s", status, body)
				}
				want := append(tc.want, fmt.Sprintf(`href="%s/waitlist/%d"`, tc.prefix, full.ID), fmt.Sprintf(`href="%s/book/%d"`, tc.prefix, free.ID))
				for _, w := range want {
					if !strings.Contains(body, w) {
						t.Errorf("page lacks %q", w)
					}
				}
				for _, w := range []string{`id="booking-form"`, `name="attendees[0].first_name"`, `value="book"`, `value="add_attendee"`,
					fmt.Sprintf(`href="%s/book/%d"`, tc.prefix, alsoFull.ID)} {
					if strings.Contains(body, w) {
						t.Errorf("page has %q", w)
					}
				}
			})
		}
		// "+ Weitere Person" on a form opened before the date filled up: htmx gets the full-date
		// view for the whole main part, as there are no rows left to swap.
		_, page, _ := do(t, c, "GET", fmt.Sprintf("%s/book/%d", ts.URL, free.ID), "", "")
		status, body, h := do(t, c, "POST", fmt.Sprintf("%s/book/%d", ts.URL, full.ID), "application/x-www-form-urlencoded",
			bookingForm(csrfToken(t, page), 1, func(v url.Values) { v.Set("action", "add_attendee") }), "HX-Request", "true")
		if status != 200 || !strings.Contains(body, "Dieser Termin ist ausgebucht") || strings.Contains(body, `id="booking-form"`) ||
			h.Get("HX-Retarget") != "main" || h.Get("HX-Reselect") != "main" {
			t.Fatalf("add row on a full date: %d %v %.300s", status, h, body)
		}
	})
}

// TestBookingRefusalLinksWaitlist: a booking refused for too few seats links the date's waiting
// list; one refused because the last seats went meanwhile shows the full-date page.
func TestBookingRefusalLinksWaitlist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		few := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, SeatsTaken: 3})
		other := addDate(t, st, few, 10, 0)
		ts := newServer(t, st)
		c := client(t)
		_, page, _ := do(t, c, "GET", fmt.Sprintf("%s/book/%d", ts.URL, few.ID), "", "")
		csrf := csrfToken(t, page)
		const formType = "application/x-www-form-urlencoded"

		status, body, _ := do(t, c, "POST", fmt.Sprintf("%s/book/%d", ts.URL, few.ID), formType, bookingForm(csrf, 3, nil))
		if status != 409 {
			t.Fatalf("status %d: %.300s", status, body)
		}
		for _, w := range []string{"nur noch 2 Plätze frei", fmt.Sprintf(`href="/waitlist/%d"`, few.ID), "Oder tragen Sie sich",
			fmt.Sprintf(`href="/book/%d"`, other.ID), `id="booking-form"`, `value="anna2@mueller.example"`} {
			if !strings.Contains(body, w) {
				t.Errorf("refusal lacks %q", w)
			}
		}

		// The last seats go while the booker types: the form is answered with the full-date page.
		if err := st.WithTx(t.Context(), func(tx *store.Tx) error { return tx.TakeSeats(t.Context(), few.ID, 2) }); err != nil {
			t.Fatal(err)
		}
		status, body, _ = do(t, c, "POST", fmt.Sprintf("%s/en/book/%d", ts.URL, few.ID), formType, bookingForm(csrf, 1, nil))
		if status != 409 {
			t.Fatalf("status %d: %.300s", status, body)
		}
		for _, w := range []string{"the last seats of this date were booked", "This date is fully booked",
			fmt.Sprintf(`href="/en/waitlist/%d"`, few.ID), fmt.Sprintf(`href="/en/book/%d"`, other.ID)} {
			if !strings.Contains(body, w) {
				t.Errorf("full refusal lacks %q", w)
			}
		}
		for _, w := range []string{`id="booking-form"`, "Only 0 seats"} {
			if strings.Contains(body, w) {
				t.Errorf("full refusal has %q", w)
			}
		}
	})
}

// TestBookingAddAttendeeRow: "+ Weitere Person" adds a row on every click, also while the row
// added last is blank, up to the maximum per booking, keeping what was typed and putting the focus
// (and, without JavaScript, the page through the fragment) on the new row.
func TestBookingAddAttendeeRow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		ts := newServer(t, st, "SEMINARS_MAX_ATTENDEES=3")
		c := client(t)
		formURL := fmt.Sprintf("%s/book/%d", ts.URL, date.ID)
		_, page, _ := do(t, c, "GET", formURL, "", "")
		csrf := csrfToken(t, page)
		blankRows := func(n int) func(url.Values) {
			return func(v url.Values) {
				v.Set("action", "add_attendee")
				v.Set("attendee_count", fmt.Sprint(n+1))
				for i := 1; i <= n; i++ {
					for _, f := range []string{"first_name", "last_name", "email"} {
						v.Set(fmt.Sprintf("attendees[%d].%s", i, f), "")
					}
				}
			}
		}
		cases := []struct {
			name       string
			body       string
			focus      string // the field with autofocus
			want, lack []string
		}{
			{"first click adds row 2", bookingForm(csrf, 1, blankRows(0)), "attendees[1].first_name",
				[]string{`name="attendees[1].first_name" value=""`, `value="anna0@mueller.example"`,
					`data-hx-post="/book/` + fmt.Sprint(date.ID) + `"`, `name="attendee_count" value="2"`},
				[]string{`name="attendees[2].first_name"`}},
			{"second click with row 2 blank adds row 3", bookingForm(csrf, 1, blankRows(1)), "attendees[2].first_name",
				[]string{`name="attendees[1].first_name" value=""`, `name="attendees[2].first_name" value=""`,
					`value="anna0@mueller.example"`, `value="Müller &amp; Söhne GmbH"`, "höchstens 3 Personen", `name="attendee_count" value="3"`},
				[]string{`value="add_attendee"`, `name="attendees[3].first_name"`}},
			{"a click at the maximum adds nothing", bookingForm(csrf, 1, blankRows(2)), "attendees[2].first_name",
				[]string{`name="attendees[2].first_name"`, "höchstens 3 Personen"},
				[]string{`name="attendees[3].first_name"`, `value="add_attendee"`}},
			{"remove drops the last row, blank or not", bookingForm(csrf, 1, func(v url.Values) {
				blankRows(1)(v)
				v.Set("action", "remove_attendee")
			}), "attendees[0].first_name", []string{`name="attendees[0].first_name" value="Anna"`, `value="add_attendee"`},
				[]string{`name="attendees[1].first_name"`, `value="remove_attendee"`}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				status, body, _ := do(t, c, "POST", formURL, "application/x-www-form-urlencoded", tc.body)
				if status != 200 {
					t.Fatalf("status %d: %.300s", status, body)
				}
				for _, w := range tc.want {
					if !strings.Contains(body, w) {
						t.Errorf("page lacks %q", w)
					}
				}
				focused := regexp.MustCompile(`<input [^>]*\bautofocus\b[^>]*>`).FindAllString(body, -1)
				if len(focused) != 1 || !strings.Contains(focused[0], `name="`+tc.focus+`"`) {
					t.Errorf("autofocus on %q, want only on %s", focused, tc.focus)
				}
				for _, w := range tc.lack {
					if strings.Contains(body, w) {
						t.Errorf("page has %q", w)
					}
				}
			})
		}
	})
}
