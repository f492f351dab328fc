package invoice_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func TestCertificate(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	b := seedBooking(t, st, date, 2, "de")
	b.Date.Seminar.DescriptionDE = "Wo gehört Social Media hin? Größere Reichweite für Vertrieb, Service und Führung."
	checkedIn := date.StartsAt.Add(5 * time.Minute)
	b.Attendees[0].CheckedInAt = &checkedIn
	r := renderer(t)

	pdf, err := r.Certificate(b, b.Attendees[0], testSeller(), "Dr. Jörg Weiß")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KEEP_PDF") != "" {
		_ = os.WriteFile("/tmp/certificate.pdf", pdf, 0o600)
	}
	text := squash(pdfText(t, pdf))
	for _, w := range []string{
		"Teilnahmebescheinigung", "Änne Straßer 1", date.Seminar.TitleDE, date.StartsAt.In(berlin(t)).Format("02.01.2006"),
		"8 Stunden", "Tagungshaus, Berlin", "Inhalte", "Größere Reichweite für Vertrieb", "Dr. Jörg Weiß – Seminarleitung",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("certificate lacks %q:\n%s", w, text)
		}
	}

	b.Language = "en"
	pdf, err = r.Certificate(b, b.Attendees[0], testSeller(), "")
	if err != nil {
		t.Fatal(err)
	}
	if text := squash(pdfText(t, pdf)); !strings.Contains(text, "Certificate of attendance") || !strings.Contains(text, "8 hours") {
		t.Errorf("english certificate:\n%s", text)
	}

	if _, err := r.Certificate(b, b.Attendees[1], testSeller(), ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("attendee not checked in: err %v, want not found", err)
	}
	if _, err := r.Certificate(b, model.Attendee{ID: 999, BookingID: b.ID + 1, CheckedInAt: &checkedIn}, testSeller(), ""); !errors.Is(err, invoice.ErrNotCheckedIn) {
		t.Errorf("attendee of another booking: err %v", err)
	}
}

// TestCertificateFundingNotes: a seminar approved as Bildungsurlaub/Bildungszeit prints its states
// and numbers and its certificate text, in the booking's language; a seminar without them prints
// neither heading.
func TestCertificateFundingNotes(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	b := seedBooking(t, st, date, 1, "de")
	checkedIn := date.StartsAt
	b.Attendees[0].CheckedInAt = &checkedIn
	r := renderer(t)
	cases := []struct {
		name      string
		lang      string
		approvals model.FundingApprovals
		textDE    string
		textEN    string
		want      []string
		wantNot   []string
	}{
		{"approved in two states, German", "de",
			model.FundingApprovals{{State: "HE", Number: "BU 44/2026"}, {State: "NW", Number: "SB-2026-0815"}},
			"Die Veranstaltung ist nach dem AWbG NRW anerkannt.", "Approved under the AWbG NRW.",
			[]string{"Anerkannt als Bildungsurlaub / Bildungszeit", "Hessen (Nr. BU 44/2026); Nordrhein-Westfalen (Nr. SB-2026-0815)", "Die Veranstaltung ist nach dem AWbG NRW anerkannt."},
			[]string{"Approved under"}},
		{"approved, English", "en",
			model.FundingApprovals{{State: "NW", Number: "SB-2026-0815"}}, "Nach dem AWbG NRW.", "Approved under the AWbG NRW.",
			[]string{"Approved as educational leave", "North Rhine-Westphalia (no. SB-2026-0815)", "Approved under the AWbG NRW."},
			[]string{"Nach dem AWbG"}},
		{"English text missing falls back to German", "en", nil, "Nach dem AWbG NRW.", "",
			[]string{"Nach dem AWbG NRW."}, []string{"Approved as educational leave"}},
		{"no notes", "de", nil, "", "", nil, []string{"Bildungsurlaub", "Bildungszeit"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b.Language = tc.lang
			b.Date.Seminar.FundingApprovals = tc.approvals
			b.Date.Seminar.CertificateTextDE, b.Date.Seminar.CertificateTextEN = tc.textDE, tc.textEN
			pdf, err := r.Certificate(b, b.Attendees[0], testSeller(), "")
			if err != nil {
				t.Fatal(err)
			}
			text := squash(pdfText(t, pdf))
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("certificate lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("certificate has %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestCertificateStatesTheDatesHours: the certificate states what the date really took — days ×
// daily hours — not the seminar's default duration.
func TestCertificateStatesTheDatesHours(t *testing.T) {
	st := storetest.SQLite(t)
	date := seedDate(t, st)
	b := seedBooking(t, st, date, 1, "de")
	b.Date.Seminar.DurationMinutes = 960 // a planning figure the certificate must not repeat
	checkedIn := date.StartsAt
	b.Attendees[0].CheckedInAt = &checkedIn
	loc := berlin(t)
	cases := []struct {
		name       string
		lang       string
		start, end time.Time
		want       string
	}{
		{"one day", "de", time.Date(2026, 12, 3, 9, 0, 0, 0, loc), time.Date(2026, 12, 3, 17, 0, 0, 0, loc), "8 Stunden"},
		{"three days of seven and a half hours", "de", time.Date(2026, 12, 1, 9, 0, 0, 0, loc), time.Date(2026, 12, 3, 16, 30, 0, 0, loc), "22,5 Stunden (3 Tage à 7,5 Stunden)"},
		{"two days in English", "en", time.Date(2026, 12, 1, 9, 0, 0, 0, loc), time.Date(2026, 12, 2, 17, 0, 0, 0, loc), "16 hours (2 days of 8 hours)"},
		{"an evening past midnight", "de", time.Date(2026, 12, 31, 20, 0, 0, 0, loc), time.Date(2027, 1, 1, 2, 0, 0, 0, loc), "6 Stunden"},
		{"across the DST change", "de", time.Date(2027, 3, 27, 9, 0, 0, 0, loc), time.Date(2027, 3, 28, 17, 0, 0, 0, loc), "16 Stunden (2 Tage à 8 Stunden)"},
	}
	r := renderer(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b.Language = c.lang
			b.Date.StartsAt, b.Date.EndsAt = c.start.UTC(), c.end.UTC()
			pdf, err := r.Certificate(b, b.Attendees[0], testSeller(), "")
			if err != nil {
				t.Fatal(err)
			}
			if text := squash(pdfText(t, pdf)); !strings.Contains(text, c.want) {
				t.Fatalf("certificate lacks %q:\n%s", c.want, text)
			}
		})
	}
}
