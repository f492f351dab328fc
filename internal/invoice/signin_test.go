package invoice_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// sheetDate is a three-day in-person date, 1–3 December 2026, 09:00–16:30 in Berlin.
func sheetDate(t *testing.T) model.SeminarDate {
	loc := berlin(t)
	return model.SeminarDate{
		ID: 7, Format: "in_person", City: "Berlin", Venue: "Tagungshaus",
		StartsAt: time.Date(2026, 12, 1, 9, 0, 0, 0, loc).UTC(), EndsAt: time.Date(2026, 12, 3, 16, 30, 0, 0, loc).UTC(),
		Seminar: &model.Seminar{TitleDE: "Social Media im Vertrieb", TitleEN: "Social media in sales"},
	}
}

func TestConfirmedAttendeesSortedByLastName(t *testing.T) {
	bookings := []model.Booking{
		{Status: model.BookingConfirmed, Billing: model.Billing{Company: "Acme GmbH"},
			Attendees: []model.Attendee{{FirstName: "Zoe", LastName: "Zander"}, {FirstName: "Anna", LastName: "abel"}}},
		{Status: model.BookingPendingPayment, Billing: model.Billing{Company: "Unpaid AG"},
			Attendees: []model.Attendee{{FirstName: "Paul", LastName: "Pending"}}},
		{Status: model.BookingConfirmed, Billing: model.Billing{Company: "Beta KG"},
			Attendees: []model.Attendee{{FirstName: "Max", LastName: "Meier"}}},
	}
	got := invoice.ConfirmedAttendees(bookings)
	want := []invoice.SheetAttendee{{"Anna", "abel", "Acme GmbH"}, {"Max", "Meier", "Beta KG"}, {"Zoe", "Zander", "Acme GmbH"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("attendees %v, want %v", got, want)
	}
}

func TestSignInSheet(t *testing.T) {
	r := renderer(t)
	date := sheetDate(t)
	people := []invoice.SheetAttendee{{"Änne", "Straßer", "Müller & Söhne GmbH"}, {"John", "Smith", "Acme Ltd"}}
	cases := []struct {
		name    string
		lang    string
		day     int
		want    []string
		pages   int
		without []string
	}{
		{"every day in German", "de", 0, []string{"Teilnehmendenliste mit Unterschrift", "Social Media im Vertrieb",
			"Tag 1 von 3: 01.12.2026, 09:00–16:30 Uhr", "Tag 2 von 3: 02.12.2026", "Tag 3 von 3: 03.12.2026",
			"Ort: Tagungshaus, Berlin", "Seminarleitung: Dr. Jörg Weiß", "Nr.", "Unterschrift",
			"Straßer, Änne", "Müller & Söhne GmbH", "Smith, John", "Acme Ltd"}, 3, nil},
		{"the second day only", "de", 2, []string{"Tag 2 von 3: 02.12.2026, 09:00–16:30 Uhr", "Straßer, Änne"}, 1,
			[]string{"Tag 1 von 3", "Tag 3 von 3"}},
		{"in English", "en", 3, []string{"Attendance list with signatures", "Social media in sales",
			"Day 3 of 3: 3 December 2026, 09:00–16:30", "Signature", "Company"}, 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pdf, err := r.SignInSheet(date, people, testSeller(), tc.lang, "Dr. Jörg Weiß", tc.day)
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("KEEP_PDF") != "" {
				_ = os.WriteFile("/tmp/signin-"+tc.lang+".pdf", pdf, 0o600)
			}
			raw := pdfText(t, pdf)
			text := squash(raw)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("sheet lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.without {
				if strings.Contains(text, w) {
					t.Errorf("sheet has %q", w)
				}
			}
			if got := pages(raw); got != tc.pages {
				t.Errorf("%d pages, want %d", got, tc.pages)
			}
		})
	}

	if _, err := r.SignInSheet(date, people, testSeller(), "de", "", 4); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("day 4 of 3: err %v, want not found", err)
	}
	online := date
	online.Format, online.Venue, online.City = model.FormatOnline, "", ""
	pdf, err := r.SignInSheet(online, nil, testSeller(), "de", "", 1)
	if err != nil {
		t.Fatal(err)
	}
	if text := squash(pdfText(t, pdf)); !strings.Contains(text, "Ort: Online-Seminar") || strings.Contains(text, "Seminarleitung") {
		t.Errorf("online date without trainer:\n%s", text)
	}
}

// TestSignInSheetRepeatsHeadingOnEveryPage: 60 attendees run over pages; every page carries the
// seminar, the day and the column titles, so a page signed and filed alone still says what it is.
func TestSignInSheetRepeatsHeadingOnEveryPage(t *testing.T) {
	r := renderer(t)
	date := sheetDate(t)
	var people []invoice.SheetAttendee
	for i := range 60 {
		people = append(people, invoice.SheetAttendee{FirstName: "Vor", LastName: fmt.Sprintf("Name%02d", i+1), Company: "Firma"})
	}
	pdf, err := r.SignInSheet(date, people, testSeller(), "de", "", 2)
	if err != nil {
		t.Fatal(err)
	}
	raw := pdfText(t, pdf)
	pageTexts := strings.Split(strings.TrimRight(raw, "\f"), "\f")
	if len(pageTexts) < 3 {
		t.Fatalf("60 attendees on %d pages, want at least 3", len(pageTexts))
	}
	for i, p := range pageTexts {
		p = squash(p)
		for _, w := range []string{"Teilnehmendenliste mit Unterschrift", "Social Media im Vertrieb", "Tag 2 von 3: 02.12.2026", "Unterschrift", "Firma"} {
			if !strings.Contains(p, w) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, p)
			}
		}
		if i > 0 && !strings.Contains(p, "(Fortsetzung)") {
			t.Errorf("page %d not marked as continued", i+1)
		}
	}
	all := squash(raw)
	for i := range 60 {
		if w := fmt.Sprintf("Name%02d, Vor", i+1); !strings.Contains(all, w) {
			t.Errorf("sheet lacks %q", w)
		}
	}
	if !strings.Contains(all, "63") { // three numbered rows for walk-ins
		t.Errorf("no walk-in rows after 60 attendees")
	}
}

func TestBadges(t *testing.T) {
	r := renderer(t)
	date := sheetDate(t)
	var people []invoice.SheetAttendee
	for i := range 9 {
		people = append(people, invoice.SheetAttendee{FirstName: "Änne", LastName: fmt.Sprintf("Straßer%d", i+1), Company: "Müller & Söhne GmbH"})
	}
	pdf, err := r.Badges(date, people, testSeller(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KEEP_PDF") != "" {
		_ = os.WriteFile("/tmp/badges.pdf", pdf, 0o600)
	}
	raw := pdfText(t, pdf)
	if got := pages(raw); got != 2 {
		t.Errorf("9 badges on %d pages, want 2 (8 a page)", got)
	}
	text := squash(raw)
	for _, w := range []string{"Änne Straßer1", "Änne Straßer9", "Müller & Söhne GmbH", "Social media in sales"} {
		if !strings.Contains(text, w) {
			t.Errorf("badges lack %q:\n%s", w, text)
		}
	}
	if strings.Count(text, "Social media in sales") != 9 {
		t.Errorf("seminar title on %d badges, want 9", strings.Count(text, "Social media in sales"))
	}
	if pdf, err := r.Badges(date, nil, testSeller(), "de"); err != nil || pages(pdfText(t, pdf)) != 1 {
		t.Errorf("no attendees: err %v, want one page of empty badges", err)
	}
}

// TestSheetsPrintAnyName: names in CJK, Hangul, with emoji, RTL or control characters go through
// the text filter: no panic, no error, and what a font has is printed.
func TestSheetsPrintAnyName(t *testing.T) {
	r := renderer(t)
	date := sheetDate(t)
	people := []invoice.SheetAttendee{
		{"太郎", "山田", "株式会社テスト"},
		{"민준", "김", "삼성"},
		{"Emma 😀", "Fox 👨‍👩‍👧", "🏳️‍🌈 Pride e.V."},
		{"سارة", "أحمد", "شركة"},
		{"Bad\x00\xff", "Bytes\u200b\u202e", strings.Repeat("Sehr lange Firmenbezeichnung ", 12)},
		{"", strings.Repeat("Ganzlangernachnameohneleerzeichen", 5), ""},
	}
	sheet, err := r.SignInSheet(date, people, testSeller(), "de", "山田 先生", 0)
	if err != nil {
		t.Fatalf("sign-in sheet: %v", err)
	}
	badges, err := r.Badges(date, people, testSeller(), "de")
	if err != nil {
		t.Fatalf("badges: %v", err)
	}
	for name, pdf := range map[string][]byte{"sign-in sheet": sheet, "badges": badges} {
		text := squash(pdfText(t, pdf))
		for _, w := range []string{"山田", "株式会社テスト", "김", "Emma", "Pride e.V."} {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, text)
			}
		}
	}
}

// pages counts the pages of pdftotext's output, which ends every page with a form feed.
func pages(text string) int { return strings.Count(text, "\f") }

// TestSignInSheetAndBadgesRenderAnyText puts the texts people type (emoji, CJK, Hangul, RTL,
// combining marks, very long words and values) into every field of a sign-in sheet and of the
// badges, for a one-day and a three-day date: no error, the text is read back, and no two words
// are printed over each other (a long name wraps inside its column and badge).
func TestSignInSheetAndBadgesRenderAnyText(t *testing.T) {
	r := renderer(t)
	for _, dk := range dateKinds(t) {
		for _, c := range anyTextCases() {
			t.Run(dk.name+"/"+c.name, func(t *testing.T) {
				date := model.SeminarDate{StartsAt: dk.start, EndsAt: dk.end, Format: model.FormatInPerson, Venue: c.value, City: c.value,
					Seminar: &model.Seminar{TitleDE: c.value, TitleEN: c.value}}
				days := len(date.Sessions(berlin(t)))
				// the first row has no company, so that pdftotext reads the wrapped name as one block
				people := []invoice.SheetAttendee{{FirstName: c.value, LastName: "X"}, {FirstName: "Z", LastName: c.value, Company: c.value}}
				sheet, err := r.SignInSheet(date, people, testSeller(), "de", c.value, 0)
				if err != nil {
					t.Fatal(err)
				}
				keepPDF(t, sheet)
				// per day: title, venue, city, trainer, two names, one company
				assertShows(t, sheet, c.want, 7*days)
				assertNoOverprint(t, sheet)

				badges, err := r.Badges(date, people, testSeller(), "en")
				if err != nil {
					t.Fatal(err)
				}
				// two titles, two names, one company; a badge has room for three lines of name
				// and two of title and company, so a text longer than that is cut, not overprinted
				if len([]rune(c.value)) <= 60 {
					assertShows(t, badges, c.want, 5)
				}
				assertNoOverprint(t, badges)
			})
		}
	}
}
