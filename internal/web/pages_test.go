package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/store/storetest"
)

func TestPageScenarios(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12, SeatsTaken: 10})
	online := storetest.SeedDate(t, st, storetest.DateOptions{Format: "online", StartsIn: 90 * 24 * 3600e9})
	ts := newServer(t, st)
	c := client(t)
	slug := date.Seminar.Slug
	cases := []struct {
		name       string
		path       string
		lang       string
		wantStatus int
		want       []string
		wantNot    []string
	}{
		{"catalogue in German", "/", "", 200, []string{`<html lang="de">`, "Social Media gehört in jede Abteilung", "2 Plätze frei", "490,00\u00a0€ netto", "Vertrieb"}, nil},
		{"catalogue in English", "/en/", "en-US,en;q=0.9", 200, []string{`<html lang="en">`, "Social media belongs in every department", "2 seats left", "€490.00 net"}, []string{"Plätze"}},
		{"filter by format keeps online only", "/?format=online", "", 200, []string{online.Seminar.TitleDE}, []string{date.Seminar.TitleDE}},
		{"filter by city", "/?city=Berlin", "", 200, []string{date.Seminar.TitleDE}, []string{online.Seminar.TitleDE}},
		{"filter by function with no match", "/?function=hr", "", 200, []string{"keinen Termin"}, []string{date.Seminar.TitleDE}},
		{"filter by unknown month", "/?month=1999-01", "", 200, []string{"0 Seminare"}, nil},
		{"seminar page", "/seminars/" + slug, "", 200, []string{date.Seminar.TitleDE, "Termine", fmt.Sprintf(`href="/book/%d"`, date.ID), "583,10\u00a0€ brutto"}, nil},
		{"unknown seminar", "/seminars/nope", "", 404, []string{"404", "Diese Seite gibt es nicht"}, []string{"goroutine", "panic"}},
		{"booking form", fmt.Sprintf("/book/%d", date.ID), "", 200, []string{`name="_csrf"`, `name="attendees[0].email"`, `name="billing.company"`, "Auf Rechnung"}, nil},
		{"booking form with three rows", fmt.Sprintf("/book/%d?n=3", date.ID), "", 200, []string{`name="attendees[2].email"`}, nil},
		{"booking form for unknown date", "/book/999999", "", 404, nil, nil},
		{"booking form for nonsense date", "/book/abc", "", 404, nil, nil},
		{"unknown page", "/nothing/here", "", 404, []string{"Zur Seminarübersicht"}, nil},
		{"manage page without token", "/b/SEM-ZZZZZZ", "", 404, nil, nil},
		{"vendored stylesheet", "/static/vendor/pico-2.1.1/pico.min.css", "", 200, []string{"Pico CSS"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var headers []string
			if tc.lang != "" {
				headers = []string{"Accept-Language", tc.lang}
			}
			status, body, h := do(t, c, "GET", ts.URL+tc.path, "", "", headers...)
			if status != tc.wantStatus {
				t.Fatalf("status %d, want %d", status, tc.wantStatus)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(body, w) {
					t.Errorf("page should not contain %q", w)
				}
			}
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("CSP missing: %q", csp)
			}
		})
	}
}

func bookingForm(csrf string, rows int, mutate func(url.Values)) string {
	v := url.Values{
		"_csrf": {csrf}, "attendee_count": {fmt.Sprint(rows)}, "action": {"book"}, "payment_method": {"invoice"},
		"accept_terms": {"yes"}, "confirm_business": {"yes"}, "billing.company": {"Müller & Söhne GmbH"}, "billing.name": {"Jürgen Müller"},
		"billing.email": {"einkauf@mueller.example"}, "billing.street": {"Königsallee 5"}, "billing.postal_code": {"40212"},
		"billing.city": {"Düsseldorf"}, "billing.country": {"DE"},
	}
	for i := range rows {
		v.Set(fmt.Sprintf("attendees[%d].first_name", i), "Anna")
		v.Set(fmt.Sprintf("attendees[%d].last_name", i), fmt.Sprintf("Schmidt %d", i))
		v.Set(fmt.Sprintf("attendees[%d].email", i), fmt.Sprintf("anna%d@mueller.example", i))
	}
	if mutate != nil {
		mutate(v)
	}
	return v.Encode()
}

func TestBookingFormFlow(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, SeatsTaken: 2})
	ts := newServer(t, st)
	c := client(t)
	formURL := fmt.Sprintf("%s/book/%d", ts.URL, date.ID)
	_, page, _ := do(t, c, "GET", formURL, "", "")
	csrf := csrfToken(t, page)
	const formType = "application/x-www-form-urlencoded"
	cases := []struct {
		name       string
		body       string
		wantStatus int
		want       []string
		seatsAfter int
	}{
		{"no CSRF token is refused", bookingForm("", 1, nil), 403, []string{"Das Formular ist abgelaufen"}, 2},
		{"add a row keeps what was typed", bookingForm(csrf, 1, func(v url.Values) { v.Set("action", "add_attendee") }), 200,
			[]string{`name="attendees[1].email"`, `value="Müller &amp; Söhne GmbH"`}, 2},
		{"missing fields re-render with German messages and typed values", bookingForm(csrf, 1, func(v url.Values) {
			v.Del("billing.city")
			v.Set("attendees[0].email", "anna-at-mueller")
			v.Del("accept_terms")
		}), 422, []string{"Bitte prüfen Sie die markierten Felder.", "Bitte ausfüllen.", "gültige E-Mail-Adresse",
			`value="anna-at-mueller"`, "Teilnahmebedingungen", `aria-invalid="true"`}, 2},
		{"too many attendees for the seats left", bookingForm(csrf, 4, nil), 409, []string{"nur noch 3 Plätze frei"}, 2},
		{"valid booking redirects to the manage page", bookingForm(csrf, 2, nil), 303, nil, 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, h := do(t, c, "POST", formURL, formType, tc.body)
			if status != tc.wantStatus {
				t.Fatalf("status %d, want %d: %.300s", status, tc.wantStatus, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if d, _ := st.DateByID(t.Context(), date.ID); d.SeatsTaken != tc.seatsAfter {
				t.Fatalf("seats taken %d, want %d", d.SeatsTaken, tc.seatsAfter)
			}
			if status != http.StatusSeeOther {
				return
			}
			loc := h.Get("Location")
			if !strings.HasPrefix(loc, "/b/SEM-") || !strings.Contains(loc, "?t=") {
				t.Fatalf("redirect to %q", loc)
			}
			status, manage, mh := do(t, c, "GET", ts.URL+loc, "", "")
			if status != 200 || !strings.Contains(manage, "Bestätigt") || !strings.Contains(manage, "anna1@mueller.example") ||
				!strings.Contains(manage, "Müller &amp; Söhne GmbH") || !strings.Contains(manage, "1.166,20\u00a0€") {
				t.Fatalf("manage page %d: %.2000s", status, manage)
			}
			if mh.Get("Cache-Control") != "no-store" {
				t.Fatalf("manage page may be cached: %q", mh.Get("Cache-Control"))
			}
		})
	}
}

func TestLanguageSwitch(t *testing.T) {
	st := storetest.SQLite(t)
	storetest.SeedDate(t, st, storetest.DateOptions{})
	ts := newServer(t, st)
	cases := []struct {
		name, path, wantLocation, wantPage string
	}{
		{"to English and back to the page", "/lang/en?next=/en/%3Fformat%3Donline", "/en/?format=online", `<html lang="en">`},
		{"to German", "/lang/de?next=/", "/", `<html lang="de">`},
		{"no open redirect", "/lang/en?next=//evil.example", "/", `<html lang="en">`},
		{"no open redirect with a backslash", "/lang/en?next=/%5Cevil.example", "/", `<html lang="en">`},
		{"no open redirect to a URL", "/lang/en?next=https://evil.example/", "/", `<html lang="en">`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := client(t)
			status, _, h := do(t, c, "GET", ts.URL+tc.path, "", "")
			if status != http.StatusSeeOther || h.Get("Location") != tc.wantLocation {
				t.Fatalf("status %d location %q", status, h.Get("Location"))
			}
			// The cookie wins over the browser's Accept-Language where "/" picks the language.
			status, page, h := do(t, c, "GET", ts.URL+"/", "", "", "Accept-Language", "de")
			if tc.wantPage == `<html lang="en">` && (status != http.StatusFound || h.Get("Location") != "/en/") {
				t.Fatalf("/ with the English preference: %d to %q", status, h.Get("Location"))
			}
			if tc.wantPage == `<html lang="de">` && !strings.Contains(page, tc.wantPage) {
				t.Fatalf("page not in the chosen language")
			}
		})
	}
	if status, _, _ := do(t, client(t), "GET", ts.URL+"/lang/fr", "", ""); status != 404 {
		t.Fatalf("unsupported language: %d", status)
	}
}

func TestBookingRateLimit(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 50})
	ts := newServer(t, st, "SEMINARS_BOOKING_RATE_LIMIT=3")
	c := client(t)
	var statuses []int
	for i := range 5 {
		body := strings.ReplaceAll(bookingJSON(date.ID, 1, ""), "erika0@", fmt.Sprintf("erika-%d@", i))
		status, _, _ := do(t, c, "POST", ts.URL+"/api/v1/bookings", "application/json", body)
		statuses = append(statuses, status)
	}
	want := []int{201, 201, 201, 429, 429}
	if fmt.Sprint(statuses) != fmt.Sprint(want) {
		t.Fatalf("statuses %v, want %v", statuses, want)
	}
	// Reading is not limited.
	if status, _, _ := do(t, c, "GET", ts.URL+"/api/v1/seminars", "", ""); status != 200 {
		t.Fatalf("catalogue after limit: %d", status)
	}
}

func TestHealthReportsDatabaseDown(t *testing.T) {
	st := storetest.SQLite(t)
	ts := newServer(t, st)
	if status, _, _ := do(t, client(t), "GET", ts.URL+"/healthz", "", ""); status != 200 {
		t.Fatalf("healthy: %d", status)
	}
	_ = st.Close()
	status, body, _ := do(t, client(t), "GET", ts.URL+"/healthz", "", "")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "unavailable") {
		t.Fatalf("closed database: %d %s", status, body)
	}
}
