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
		"8 Stunden", "Tagungshaus, Berlin", "Inhalte", "Größere Reichweite für Vertrieb", "Dr. Jörg Weiß – Trainer/in",
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
