package invoice

import (
	"fmt"
	"strings"

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
	return r.drawPDF(fmt.Sprintf("certificate for attendee %d", attendee.ID), func() ([]byte, error) {
		return r.certificate(booking, attendee, seller, trainer)
	})
}

func (r *Renderer) certificate(booking model.Booking, attendee model.Attendee, seller Seller, trainer string) ([]byte, error) {
	t := r.catalog.For(booking.Language)
	date, sem := booking.Date, booking.Date.Seminar
	start, end := date.StartsAt.In(r.loc), date.EndsAt.In(r.loc)
	if trainer == "" {
		trainer = seller.Name
	}
	s := r.newSheet(t.T("cert.title")+" – "+attendee.FullName(), seller.party(), end, t)
	rule := logo(s, seller.Name)

	s.pdf.SetXY(marginLeft, max(55, rule+6))
	s.setFont("B", 24)
	s.paragraph(contentW, 12, t.T("cert.title"), "C")
	s.pdf.Ln(8)
	s.setFont("", 11)
	s.paragraph(contentW, 6, t.T("cert.intro"), "C")
	s.pdf.Ln(3)
	s.setFont("B", 18)
	s.paragraph(contentW, 10, attendee.FullName(), "C")
	s.pdf.Ln(3)
	s.setFont("", 11)
	s.paragraph(contentW, 6, t.T("cert.attended"), "C")
	s.pdf.Ln(3)
	s.setFont("B", 14)
	s.paragraph(contentW, 7, sem.Title(booking.Language), "C")
	s.pdf.Ln(6)

	facts := [][2]string{
		{t.T("cert.date"), days(t, start, end)},
		{t.T("cert.duration"), duration(t, date.Sessions(r.loc))},
		{t.T("cert.place"), place(t, *date)},
	}
	const labelW = 35.0
	for _, f := range facts {
		y := s.pdf.GetY()
		s.setFont("B", 10)
		s.pdf.SetX(marginLeft)
		s.paragraph(labelW, 6, f[0], "L")
		labelEnd := s.pdf.GetY()
		s.pdf.SetXY(marginLeft+labelW, y)
		s.setFont("", 10)
		s.paragraph(contentW-labelW, 6, f[1], "L")
		s.pdf.SetXY(marginLeft, max(labelEnd, s.pdf.GetY()))
	}
	funding(s, t, *sem, booking.Language)
	if desc := strings.TrimSpace(sem.Description(booking.Language)); desc != "" {
		s.pdf.Ln(4)
		s.setFont("B", 10)
		s.paragraph(contentW, 6, t.T("cert.contents"), "L")
		s.setFont("", 9.5)
		s.paragraph(contentW, 5, desc, "L")
	}
	signature(s, t, seller.City, day(t, end), trainer)
	return output(s)
}

// funding states what an employer or funding body asks for: the states that approved the
// seminar as Bildungsurlaub/Bildungszeit with their numbers, and the seminar's certificate text.
func funding(s *sheet, t *i18n.Translator, sem model.Seminar, lang string) {
	if len(sem.FundingApprovals) > 0 {
		items := make([]string, len(sem.FundingApprovals))
		for i, a := range sem.FundingApprovals {
			items[i] = t.T("cert.funding_item", "State", t.T("state."+a.State), "Number", a.Number)
		}
		s.pdf.Ln(4)
		s.setFont("B", 10)
		s.paragraph(contentW, 6, t.T("cert.funding"), "L")
		s.setFont("", 10)
		s.paragraph(contentW, 5, strings.Join(items, "; "), "L")
	}
	if text := strings.TrimSpace(sem.CertificateText(lang)); text != "" {
		s.pdf.Ln(4)
		s.setFont("", 10)
		s.paragraph(contentW, 5, text, "L")
	}
}

// signature puts place, date and a line for the trainer to sign near the bottom of the page,
// on a page of its own when the contents leave no room for it.
func signature(s *sheet, t *i18n.Translator, city, date, trainer string) {
	const leftW, rightW = 70.0, 75.0
	s.setFont("", 9)
	trainerLines := len(s.wrap(trainer+" – "+t.T("cert.signature"), rightW-2*s.pdf.GetCellMargin()))
	height := 7 + 5*float64(max(trainerLines, 1))
	switch y := s.pdf.GetY(); {
	case y+10+height > 265:
		s.pdf.AddPage()
		s.pdf.SetY(60)
	case y < 225:
		s.pdf.SetY(225)
	default:
		s.pdf.SetY(y + 10)
	}
	y := s.pdf.GetY()
	s.setFont("", 10)
	s.pdf.SetX(marginLeft)
	s.paragraph(leftW, 6, strings.TrimPrefix(city+", "+date, ", "), "L")
	s.pdf.Line(marginLeft+contentW-rightW, y+6, marginLeft+contentW, y+6)
	s.pdf.SetXY(marginLeft+contentW-rightW, y+7)
	s.setFont("", 9)
	s.paragraph(rightW, 5, trainer+" – "+t.T("cert.signature"), "L")
}

// duration states the date's real length: its hours, and for a multi-day date the days and the
// daily hours they come from (DESIGN "Multi-day dates"). The seminar's default duration is only
// a planning figure; a date shortened or stretched by the trainer is what was attended.
func duration(t *i18n.Translator, sessions []model.Session) string {
	total := 0
	for _, s := range sessions {
		total += int(s.Ends.Sub(s.Starts).Minutes())
	}
	if len(sessions) < 2 {
		return t.T("cert.hours", "Hours", hours(t, total))
	}
	daily := int(sessions[0].Ends.Sub(sessions[0].Starts).Minutes())
	return t.T("cert.days_hours", "Days", len(sessions), "Daily", hours(t, daily), "Hours", hours(t, total))
}

// hours writes minutes as hours, with one decimal where they are not whole ("7,5" in German).
func hours(t *i18n.Translator, minutes int) string {
	if minutes%60 == 0 {
		return fmt.Sprintf("%d", minutes/60)
	}
	return strings.Replace(fmt.Sprintf("%.1f", float64(minutes)/60), ".", decimalSep(t), 1)
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
