package invoice

import (
	"fmt"
	"strconv"
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// ErrNoSuchDay says a sign-in sheet was asked for a day the date does not have; it is a
// not-found, like a date that does not exist.
var ErrNoSuchDay = fmt.Errorf("no such day of the date: %w", model.ErrNotFound)

// walkInRows are the numbered empty rows after the attendees, for people who join on the day
// (a substitute nobody told the back office about); they sign like everyone else.
const walkInRows = 3

// sign-in table columns, in mm; together contentW.
const (
	colNo        = 10.0
	colName      = 55.0
	colCompany   = 50.0
	colSignature = contentW - colNo - colName - colCompany
	rowMinH      = 11.0 // room for a signature
	rowLineH     = 4.5
	tableBottom  = 267.0 // where fpdf's automatic page break (30 mm above the edge) would start
)

// SheetAttendee is one person on a sign-in sheet or a badge.
type SheetAttendee struct {
	FirstName, LastName, Company string
}

// ConfirmedAttendees are the attendees of the confirmed bookings, sorted by last name then first
// name: the people who will be in the room. Pending bookings have not paid or been accepted yet,
// so they are not printed on a list that is signed as proof of attendance.
func ConfirmedAttendees(bookings []model.Booking) []SheetAttendee {
	var out []SheetAttendee
	for _, b := range bookings {
		if b.Status != model.BookingConfirmed {
			continue
		}
		for _, a := range b.Attendees {
			out = append(out, SheetAttendee{FirstName: a.FirstName, LastName: a.LastName, Company: b.Billing.Company})
		}
	}
	sortAttendees(out)
	return out
}

func sortAttendees(as []SheetAttendee) {
	key := func(a SheetAttendee) string { return strings.ToLower(a.LastName + "\x00" + a.FirstName) }
	for i := 1; i < len(as); i++ { // insertion sort keeps equal names in booking order
		for j := i; j > 0 && key(as[j]) < key(as[j-1]); j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

// SignInSheet renders the attendance list of a date (Teilnehmerliste, the proof of attendance
// companies and funding bodies ask for) in lang: per day of the date one section starting on a
// new page with that day's times, and a table of number, name, company and an empty box to sign
// in. day is 1-based; 0 prints every day. date must have its Seminar loaded; attendees are printed
// in the order given (ConfirmedAttendees sorts them). A table that runs over a page repeats the
// heading and the column titles, so every page can be signed and filed on its own.
func (r *Renderer) SignInSheet(date model.SeminarDate, attendees []SheetAttendee, seller Seller, lang, trainer string, day int) ([]byte, error) {
	if date.Seminar == nil {
		return nil, fmt.Errorf("sign-in sheet for date %d: seminar not loaded", date.ID)
	}
	sessions := date.Sessions(r.loc)
	if day < 0 || day > len(sessions) {
		return nil, fmt.Errorf("sign-in sheet for date %d, day %d of %d: %w", date.ID, day, len(sessions), ErrNoSuchDay)
	}
	return r.drawPDF(fmt.Sprintf("sign-in sheet for date %d", date.ID), func() ([]byte, error) {
		t := r.catalog.For(lang)
		s := r.newSheet(t.T("signin.title")+" – "+date.Seminar.Title(lang), seller.party(), date.StartsAt, t)
		first := true
		for i, sess := range sessions {
			if day != 0 && i+1 != day {
				continue
			}
			if !first {
				s.pdf.AddPage() // each day is signed on its own pages
			}
			first = false
			heading := r.dayHeading(t, len(sessions), i+1, sess)
			r.signInTable(s, t, date, seller, trainer, heading, attendees)
		}
		return output(s)
	})
}

// dayHeading names a day and its times in the display zone: "Tag 2 von 3: 02.12.2026, 09:00–17:00 Uhr".
func (r *Renderer) dayHeading(t *i18n.Translator, total, n int, sess model.Session) string {
	start, end := sess.Starts.In(r.loc), sess.Ends.In(r.loc)
	times := t.T("signin.times", "From", start.Format("15:04"), "To", end.Format("15:04"))
	if total == 1 {
		return day(t, start) + ", " + times
	}
	return t.T("signin.day", "N", n, "Of", total) + ": " + day(t, start) + ", " + times
}

// signInTable prints the page heading and the table of one day, with a new page and the heading
// again whenever the next row does not fit.
func (r *Renderer) signInTable(s *sheet, t *i18n.Translator, date model.SeminarDate, seller Seller, trainer, heading string, attendees []SheetAttendee) {
	signInHeading(s, t, date, seller, trainer, heading)
	total, onPage := len(attendees)+walkInRows, 0
	for i := 0; i < total; i++ {
		var a SheetAttendee
		if i < len(attendees) {
			a = attendees[i]
		}
		name := strings.TrimSpace(a.LastName)
		if first := strings.TrimSpace(a.FirstName); first != "" {
			name = strings.TrimPrefix(name+", "+first, ", ")
		}
		s.setFont("", 9.5)
		nameLines := s.wrap(name, colName-2*s.pdf.GetCellMargin())
		companyLines := s.wrap(a.Company, colCompany-2*s.pdf.GetCellMargin())
		h := max(rowMinH, float64(max(len(nameLines), len(companyLines)))*rowLineH+2)
		// a new page only after at least one row on this one: a heading too long for the page
		// (it cannot be, with the fields' limits) must not break pages for ever
		if onPage > 0 && s.pdf.GetY()+h > tableBottom {
			s.pdf.AddPage()
			signInHeading(s, t, date, seller, trainer, heading+" ("+t.T("signin.continued")+")")
			onPage = 0
		}
		onPage++
		y := s.pdf.GetY()
		x := marginLeft
		for _, w := range []float64{colNo, colName, colCompany, colSignature} {
			s.pdf.Rect(x, y, w, h, "D")
			x += w
		}
		s.pdf.SetXY(marginLeft, y+1)
		s.cell(colNo, rowLineH, strconv.Itoa(i+1), "R", 0)
		s.pdf.SetXY(marginLeft+colNo, y+1)
		s.paragraph(colName, rowLineH, name, "L")
		s.pdf.SetXY(marginLeft+colNo+colName, y+1)
		s.paragraph(colCompany, rowLineH, a.Company, "L")
		s.pdf.SetXY(marginLeft, y+h)
	}
}

// signInHeading is what tops every page of a sign-in sheet: the seller, the seminar, the day
// and its times, the place, the trainer and the column titles.
func signInHeading(s *sheet, t *i18n.Translator, date model.SeminarDate, seller Seller, trainer, heading string) {
	rule := logo(s, seller.Name)
	s.pdf.SetXY(marginLeft, rule+5)
	s.setFont("B", 15)
	s.paragraph(contentW, 7, t.T("signin.title"), "L")
	s.setFont("B", 11)
	s.paragraph(contentW, 6, date.Seminar.Title(t.Lang), "L")
	s.setFont("", 10)
	s.paragraph(contentW, 5.5, heading, "L")
	s.paragraph(contentW, 5.5, t.T("cert.place")+": "+place(t, date), "L")
	if trainer != "" {
		s.paragraph(contentW, 5.5, t.T("cert.signature")+": "+trainer, "L")
	}
	s.pdf.Ln(3)
	s.setFont("B", 9.5)
	s.pdf.SetFillColor(brandDark[0], brandDark[1], brandDark[2])
	s.pdf.SetTextColor(255, 255, 255)
	s.pdf.SetX(marginLeft)
	s.filledCell(colNo, 7, t.T("signin.col.no"), "R", 0)
	s.filledCell(colName, 7, t.T("signin.col.name"), "L", 0)
	s.filledCell(colCompany, 7, t.T("signin.col.company"), "L", 0)
	s.filledCell(colSignature, 7, t.T("signin.col.signature"), "L", 1)
	s.pdf.SetTextColor(0, 0, 0)
	s.setFont("", 9.5)
}

// badge grid on A4: 2 columns × 4 rows of 90 × 60 mm, the size of common badge holders' inserts.
const (
	badgeW, badgeH   = 90.0, 60.0
	badgeCols        = 2
	badgeRows        = 4
	badgeLeft        = (pageWidth - badgeCols*badgeW) / 2
	badgeTop         = (297.0 - badgeRows*badgeH) / 2
	badgePad         = 5.0
	badgeNameMaxSize = 22.0
)

// Badges renders name badges for attendees, eight to an A4 page (2 × 4): the seminar's title
// small at the top, first and last name large, the company below, each badge framed by a light
// cut line. Without attendees it renders one page of empty badges to fill in by hand.
func (r *Renderer) Badges(date model.SeminarDate, attendees []SheetAttendee, seller Seller, lang string) ([]byte, error) {
	if date.Seminar == nil {
		return nil, fmt.Errorf("badges for date %d: seminar not loaded", date.ID)
	}
	return r.drawPDF(fmt.Sprintf("badges for date %d", date.ID), func() ([]byte, error) {
		t := r.catalog.For(lang)
		title := date.Seminar.Title(lang)
		s := r.newSheet(t.T("badges.title")+" – "+title, seller.party(), date.StartsAt, t)
		s.pdf.SetFooterFunc(func() {}) // badges are cut apart; the seller's footer would be cut off
		s.pdf.SetAutoPageBreak(false, 0)
		n := max(len(attendees), 1)
		for i := 0; i < n; i++ {
			slot := i % (badgeCols * badgeRows)
			if i > 0 && slot == 0 {
				s.pdf.AddPage()
			}
			var a SheetAttendee
			if i < len(attendees) {
				a = attendees[i]
			}
			x := badgeLeft + float64(slot%badgeCols)*badgeW
			y := badgeTop + float64(slot/badgeCols)*badgeH
			badge(s, x, y, title, a)
		}
		return output(s)
	})
}

func badge(s *sheet, x, y float64, title string, a SheetAttendee) {
	s.pdf.SetDrawColor(170, 170, 170)
	s.pdf.SetDashPattern([]float64{1, 1}, 0)
	s.pdf.Rect(x, y, badgeW, badgeH, "D")
	s.pdf.SetDashPattern(nil, 0)
	s.pdf.SetDrawColor(0, 0, 0)
	inner := badgeW - 2*badgePad
	s.pdf.SetFillColor(brandLight[0], brandLight[1], brandLight[2])
	s.pdf.Rect(x, y, badgeW, 2.5, "F")

	s.setFont("", 8)
	s.pdf.SetTextColor(brandDark[0], brandDark[1], brandDark[2])
	lines := s.wrap(title, inner-2*s.pdf.GetCellMargin())
	if len(lines) > 2 {
		lines = lines[:2]
	}
	s.pdf.SetXY(x+badgePad, y+5)
	for _, l := range lines {
		s.printLine(l, inner, 3.8, "C", 2, false)
	}
	s.pdf.SetTextColor(0, 0, 0)

	name := strings.TrimSpace(a.FirstName + " " + a.LastName)
	size := badgeNameMaxSize
	s.setFont("B", size)
	// the largest size at which the name takes at most two lines, or three at the smallest
	for size > 11 && len(s.wrap(name, inner-2*s.pdf.GetCellMargin())) > 2 {
		size--
		s.setFont("B", size)
	}
	nameLines := s.wrap(name, inner-2*s.pdf.GetCellMargin())
	if len(nameLines) > 3 {
		nameLines = nameLines[:3] // a name longer than a badge can hold is cut, never overprinted
	}
	lineH := size * 0.45
	s.pdf.SetXY(x+badgePad, y+badgeH/2-lineH*float64(len(nameLines))/2-2)
	for _, l := range nameLines {
		s.printLine(l, inner, lineH, "C", 2, false)
	}

	s.setFont("", 11)
	company := s.wrap(a.Company, inner-2*s.pdf.GetCellMargin())
	if len(company) > 2 {
		company = company[:2]
	}
	s.pdf.SetXY(x+badgePad, y+badgeH-badgePad-5*float64(len(company)))
	for _, l := range company {
		s.printLine(l, inner, 5, "C", 2, false)
	}
}
