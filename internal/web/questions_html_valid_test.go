package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"seminars/internal/booking"
	"seminars/internal/model"
)

// TestQuestionPagesValid runs the W3C Nu HTML validator over the pages that ask or show the
// demo seminar's questions: the booking form with its question errors, the attendee page with
// the sensitive questions, the seminar form with its question rows, the attendee list.
func TestQuestionPagesValid(t *testing.T) {
	jar := vnuJar(t)
	s := newPageSite(t)
	c := client(t)
	dir := t.TempDir()
	fetch := func(name, method, path, body string, want int, shows ...string) string {
		t.Helper()
		ct := ""
		if body != "" {
			ct = "application/x-www-form-urlencoded"
		}
		status, page, _ := do(t, c, method, s.ts.URL+path, ct, body)
		if status != want {
			t.Fatalf("%s %s: %d, want %d", method, path, status, want)
		}
		for _, text := range shows {
			if !strings.Contains(page, text) {
				t.Fatalf("%s %s lacks %q: not the demo seminar with questions?", method, path, text)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		return page
	}
	// The demo seminar that asks questions, on a date with free seats, with one booking.
	ctx := t.Context()
	semID, err := s.st.SeminarIDBySlug(ctx, "social-media-kompetenz-fuer-alle-unternehmensbereiche")
	if err != nil {
		t.Fatal(err)
	}
	sem, err := s.st.SeminarByID(ctx, semID)
	if err != nil {
		t.Fatal(err)
	}
	var date model.SeminarDate
	for _, d := range sem.Dates {
		if date.ID == 0 && d.Status == model.DatePublished && d.SeatsLeft() > 2 && d.StartsAt.After(s.st.Now()) {
			date = d
		}
	}
	res, err := s.app.Bookings.Reserve(ctx, booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Max Muster", Email: "einkauf@muster.example",
			Street: "Hauptstraße 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Schmidt", Email: "anna@muster.example",
			Answers: model.Answers{sem.Questions[0].ID: "Teamleitung"}}}})
	if err != nil {
		t.Fatal(err)
	}
	book := "/book/" + strconv.FormatUint(uint64(date.ID), 10)
	form := fetch("booking-form", http.MethodGet, book, "", http.StatusOK, "Funktion im Unternehmen", "<select")
	fetch("booking-question-errors", http.MethodPost, book, url.Values{"_csrf": {csrfToken(t, form)}, "attendee_count": {"1"},
		"attendees[0].first_name": {"Anna"}, "action": {"book"}}.Encode(), http.StatusUnprocessableEntity, "Bitte beantworten Sie diese Frage.")
	fetch("attendee-page", http.MethodGet, "/a/"+s.app.Secrets.AttendeeToken(res.Booking.Attendees[0].ID, 0), "", http.StatusOK, "Ihre persönlichen Angaben")
	// The manage page shows the booker's answers and asks them of a newcomer (add, substitute).
	fetch("manage-page", http.MethodGet, "/b/"+res.Booking.Reference+"?t="+url.QueryEscape(res.ManageToken), "", http.StatusOK,
		"Teamleitung", fmt.Sprintf(`name="q%d"`, sem.Questions[0].ID))

	login := fetch("login", http.MethodGet, "/admin/login", "", http.StatusOK)
	if status, _, _ := do(t, c, http.MethodPost, s.ts.URL+"/admin/login", "application/x-www-form-urlencoded",
		url.Values{"_csrf": {csrfToken(t, login)}, "email": {pageOwner}, "password": {pagePassword}}.Encode()); status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", status)
	}
	fetch("seminar-form", http.MethodGet, "/admin/seminars/"+strconv.FormatUint(uint64(semID), 10), "", http.StatusOK, "questions[0].label_de")
	fetch("attendees", http.MethodGet, "/admin/dates/"+strconv.FormatUint(uint64(date.ID), 10)+"/attendees", "", http.StatusOK, "Teamleitung")
	fetch("attendee-new", http.MethodGet, "/admin/bookings/"+res.Booking.Reference+"/attendees/new", "", http.StatusOK, "Funktion im Unternehmen")
	fetch("attendee-substitute", http.MethodGet, fmt.Sprintf("/admin/bookings/%s/attendees/%d/substitute", res.Booking.Reference, res.Booking.Attendees[0].ID),
		"", http.StatusOK, "Funktion im Unternehmen")

	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	out, err := exec.Command("java", append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...).CombinedOutput()
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("the validator's answer (%v): %v\n%s", err, jerr, out)
	}
	for _, m := range report.Messages {
		t.Errorf("%s:%d: %s: %s — %q", filepath.Base(m.URL), m.LastLine, m.Type, m.Message, m.Extract)
	}
}
