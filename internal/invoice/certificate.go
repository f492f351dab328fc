package invoice

import (
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// ErrNotCheckedIn says a certificate was asked for an attendee who was not checked in; it is a
// not-found, because for that attendee no certificate exists.
var ErrNotCheckedIn = fmt.Errorf("attendee not checked in: %w", model.ErrNotFound)

// Certificate renders the certificate of attendance (Teilnahmebescheinigung) of one attendee of
// booking, in the booking's language: name, seminar, date, duration, contents and a line for
// the trainer's signature. booking must have Date.Seminar loaded. Only attendees who were
// checked in get one.
func (r *Renderer) Certificate(booking model.Booking, attendee model.Attendee, seller Seller, trainer string) ([]byte, error) {
	if attendee.CheckedInAt == nil || attendee.BookingID != booking.ID {
		return nil, fmt.Errorf("certificate for attendee %d: %w", attendee.ID, ErrNotCheckedIn)
	}
	if booking.Date == nil || booking.Date.Seminar == nil {
		return nil, fmt.Errorf("certificate for %s: date and seminar not loaded", booking.Reference)
	}
	t := r.catalog.For(booking.Language)
	date, sem := booking.Date, booking.Date.Seminar
	start, end := date.StartsAt.In(r.loc), date.EndsAt.In(r.loc)
	if trainer == "" {
		trainer = seller.Name
	}
	pdf := newDocument(t.T("cert.title")+" – "+attendee.FullName(), seller.party(), end, t)
	logo(pdf, seller.Name)

	pdf.SetY(55)
	pdf.SetFont(fontFamily, "B", 24)
	pdf.CellFormat(contentW, 12, t.T("cert.title"), "", 1, "C", false, 0, "")
	pdf.Ln(8)
	pdf.SetFont(fontFamily, "", 11)
	pdf.CellFormat(contentW, 6, t.T("cert.intro"), "", 1, "C", false, 0, "")
	pdf.Ln(3)
	pdf.SetFont(fontFamily, "B", 18)
	pdf.CellFormat(contentW, 10, attendee.FullName(), "", 1, "C", false, 0, "")
	pdf.Ln(3)
	pdf.SetFont(fontFamily, "", 11)
	pdf.CellFormat(contentW, 6, t.T("cert.attended"), "", 1, "C", false, 0, "")
	pdf.Ln(3)
	pdf.SetFont(fontFamily, "B", 14)
	pdf.MultiCell(contentW, 7, sem.Title(booking.Language), "", "C", false)
	pdf.Ln(6)

	facts := [][2]string{
		{t.T("cert.date"), days(t, start, end)},
		{t.T("cert.duration"), duration(t, sem.DurationMinutes, end.Sub(start).Minutes())},
		{t.T("cert.place"), place(t, *date)},
	}
	for _, f := range facts {
		pdf.SetFont(fontFamily, "B", 10)
		pdf.CellFormat(35, 6, f[0], "", 0, "L", false, 0, "")
		pdf.SetFont(fontFamily, "", 10)
		pdf.CellFormat(contentW-35, 6, f[1], "", 1, "L", false, 0, "")
	}
	if desc := strings.TrimSpace(sem.Description(booking.Language)); desc != "" {
		pdf.Ln(4)
		pdf.SetFont(fontFamily, "B", 10)
		pdf.CellFormat(contentW, 6, t.T("cert.contents"), "", 1, "L", false, 0, "")
		pdf.SetFont(fontFamily, "", 9.5)
		pdf.MultiCell(contentW, 5, desc, "", "L", false)
	}
	signature(pdf, t, seller.City, day(t, end), trainer)
	return output(pdf)
}

// signature puts place, date and a line for the trainer to sign near the bottom of the page.
func signature(pdf *fpdf.Fpdf, t *i18n.Translator, city, date, trainer string) {
	if pdf.GetY() < 225 {
		pdf.SetY(225)
	} else {
		pdf.SetY(pdf.GetY() + 10)
	}
	y := pdf.GetY()
	pdf.SetFont(fontFamily, "", 10)
	pdf.SetX(marginLeft)
	pdf.CellFormat(70, 6, strings.TrimPrefix(city+", "+date, ", "), "", 0, "L", false, 0, "")
	pdf.Line(marginLeft+contentW-75, y+6, marginLeft+contentW, y+6)
	pdf.SetY(y + 7)
	pdf.SetX(marginLeft + contentW - 75)
	pdf.SetFont(fontFamily, "", 9)
	pdf.CellFormat(75, 5, trainer+" – "+t.T("cert.signature"), "", 1, "L", false, 0, "")
}

// duration states the seminar's length in hours, from the seminar or else from the date's times.
func duration(t *i18n.Translator, minutes int, span float64) string {
	if minutes <= 0 {
		minutes = int(span)
	}
	hours := fmt.Sprintf("%d", minutes/60)
	if minutes%60 != 0 {
		hours = strings.Replace(fmt.Sprintf("%.1f", float64(minutes)/60), ".", decimalSep(t), 1)
	}
	return t.T("cert.hours", "Hours", hours)
}

func place(t *i18n.Translator, d model.SeminarDate) string {
	if d.Format == model.FormatOnline {
		return t.T("cert.online")
	}
	parts := []string{}
	for _, p := range []string{d.Venue, d.City} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}
