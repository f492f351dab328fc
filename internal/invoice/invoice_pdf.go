package invoice

import (
	"fmt"
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// InvoicePDF renders an issued invoice or credit note in its language, from the stored record
// only, so the same record always gives the same document. Any text renders; a failure of the
// renderer itself is an error wrapping ErrRender, never a panic.
func (r *Renderer) InvoicePDF(inv model.Invoice) ([]byte, error) {
	return r.drawPDF("invoice "+inv.Number, func() ([]byte, error) { return r.invoicePDF(inv) })
}

func (r *Renderer) invoicePDF(inv model.Invoice) ([]byte, error) {
	t := r.catalog.For(inv.Language)
	title := documentTitle(t, inv)
	s := r.newSheet(title+" "+inv.Number, inv.Seller, inv.IssuedAt, t)
	s.pdf.SetHeaderFunc(s.keepFont(func() { continuationHeader(s, t, title+" "+inv.Number) }))
	rule := logo(s, inv.Seller.Name)
	// The facts go first: the address block beside them may, with absurdly long values,
	// run onto a second page, and the facts must stay on the first.
	factsEnd := r.facts(s, t, inv, max(50, rule+6))
	addressEnd := addressBlock(s, inv.Seller, inv.Buyer, max(45, rule+4))
	if s.pdf.PageNo() == 1 {
		s.pdf.SetXY(marginLeft, max(105, factsEnd+6, addressEnd+6))
	} else {
		s.pdf.SetXY(marginLeft, addressEnd+6)
	}
	s.setFont("B", 15)
	s.paragraph(contentW, 8, title+" "+inv.Number, "L")
	s.setFont("", 10)
	if inv.IsCreditNote() {
		s.paragraph(contentW, 6, t.T("doc.credit_note.refers", "Number", inv.OriginalNumber), "L")
		if inv.Reason != "" {
			s.paragraph(contentW, 5, t.T("doc.reason")+": "+inv.Reason, "L")
		}
	}
	// The place of service gets a line of its own under the title: in the facts' narrow column a
	// long address wraps beside the service date's range and the two read as one.
	if inv.ServiceLocation != "" {
		s.paragraph(contentW, 5, t.T("doc.service_location")+": "+inv.ServiceLocation, "L")
	}
	s.pdf.Ln(3)
	lineTable(s, t, inv)
	totals(s, t, inv)
	r.paymentNote(s, t, inv)
	return output(s)
}

func documentTitle(t *i18n.Translator, inv model.Invoice) string {
	if inv.IsCreditNote() {
		return t.T("doc.credit_note.title")
	}
	return t.T("doc.invoice.title")
}

// addressBlock puts the sender line and the buyer's address where a DIN 5008 window envelope
// shows them, from top down; long lines wrap within the window's width. It returns where the
// block ends.
func addressBlock(s *sheet, seller, buyer model.Party, top float64) float64 {
	const width = 85.0
	s.pdf.SetXY(marginLeft, top)
	sender := seller.Name + " · " + seller.Street + " · " + seller.PostalCode + " " + seller.City
	size := 7.0
	s.setFont("", size)
	for size > 5 && s.width(sender) > width-2*s.pdf.GetCellMargin() {
		size -= 0.5
		s.setFont("", size)
	}
	s.paragraph(width, 4, sender, "L")
	y := s.pdf.GetY()
	s.pdf.Line(marginLeft, y, marginLeft+width, y)
	s.setFont("", 10)
	s.pdf.Ln(1)
	for _, l := range []string{buyer.Name, buyer.Contact, buyer.Street, buyer.PostalCode + " " + buyer.City, countryLine(buyer.Country)} {
		if strings.TrimSpace(l) != "" {
			s.paragraph(width, 5, l, "L")
		}
	}
	return s.pdf.GetY()
}

// countryLine names the buyer's country only when it is abroad, as German addresses do.
func countryLine(code string) string {
	if code == "DE" || code == "" {
		return ""
	}
	return code
}

// facts is the block of numbers and dates at the right of the address, from top down. A
// label or value wider than its column (an English date range across two days, a long PO
// number, a Leitweg-ID) wraps onto further lines instead of running over its neighbour. It
// returns where the block ends.
func (r *Renderer) facts(s *sheet, t *i18n.Translator, inv model.Invoice, top float64) float64 {
	rows := [][2]string{
		{t.T("doc.number"), inv.Number},
		{t.T("doc.date"), day(t, inv.IssuedAt.In(r.loc))},
		{t.T("doc.service_date"), days(t, inv.ServiceStart.In(r.loc), inv.ServiceEnd.In(r.loc))},
		{t.T("doc.booking"), inv.BookingReference},
		{t.T("doc.po_number"), inv.PONumber},
		{t.T("doc.buyer_reference"), inv.BuyerReference},
		{t.T("doc.buyer_vat_id"), inv.Buyer.VATID},
	}
	if inv.IsCreditNote() {
		rows = append(rows[:1], append([][2]string{{t.T("doc.original_number"), inv.OriginalNumber}}, rows[1:]...)...)
	}
	return factRows(s, rows, top)
}

// factRows prints label–value rows from top down at the right of the address, skipping empty
// values; it returns where they end.
func factRows(s *sheet, rows [][2]string, top float64) float64 {
	const x, labelW, lineH = 120.0, 30.0, 5.0
	valueW := pageWidth - marginRight - x - labelW
	inner := s.pdf.GetCellMargin() * 2
	y := top
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		s.setFont("", 8.5)
		labels := s.wrap(row[0], labelW-inner)
		s.setFont("B", 8.5)
		values := wrapValue(s, row[1], valueW-inner)
		s.setFont("", 8.5)
		for i, l := range labels {
			s.pdf.SetXY(x, y+float64(i)*lineH)
			s.printLine(l, labelW, lineH, "L", 0, false)
		}
		s.setFont("B", 8.5)
		for i, l := range values {
			s.pdf.SetXY(x+labelW, y+float64(i)*lineH)
			s.printLine(l, valueW, lineH, "R", 0, false)
		}
		y += lineH * float64(max(len(labels), len(values)))
	}
	return y
}

// wrapValue splits a value into lines that fit width in the current font: at spaces where it
// can, and a date range after its dash, so "1 January 2027 –" and "2 January 2027" stay whole.
func wrapValue(s *sheet, value string, width float64) [][]glyph {
	if a, b, ok := strings.Cut(value, " – "); ok && s.width(value) > width && s.width(a+" –") <= width && s.width(b) <= width {
		return [][]glyph{s.glyphs(a + " –"), s.glyphs(b)}
	}
	return s.wrap(value, width)
}

var tableCols = [5]float64{12, 88, 15, 25, 25} // pos, description, quantity, unit, net; sums to contentW

// lineTable prints one row per line, the description wrapping within its column. A row that
// does not fit on the page starts the next one; a description longer than a page flows on.
func lineTable(s *sheet, t *i18n.Translator, inv model.Invoice) {
	const rowH = 5.5
	s.setFont("B", 9)
	s.pdf.SetFillColor(brandDark[0], brandDark[1], brandDark[2])
	s.pdf.SetTextColor(255, 255, 255)
	heads := []string{t.T("doc.col.pos"), t.T("doc.col.description"), t.T("doc.col.quantity"), t.T("doc.col.unit"), t.T("doc.col.net")}
	for i, h := range heads {
		s.filledCell(tableCols[i], 7, h, align(i), 0)
	}
	s.pdf.Ln(-1)
	s.pdf.SetTextColor(0, 0, 0)
	s.setFont("", 9)
	s.pdf.SetDrawColor(200, 200, 200)
	for n, l := range inv.Lines {
		desc := s.wrap(l.Description, tableCols[1]-2*s.pdf.GetCellMargin())
		if len(desc) == 0 {
			desc = [][]glyph{nil}
		}
		if h := rowH * float64(len(desc)); s.pdf.GetY()+h > 260 && h < 200 {
			s.pdf.AddPage()
		}
		x, y := s.pdf.GetXY()
		cells := []string{fmt.Sprint(n + 1), "", fmt.Sprint(l.Quantity), t.Money(l.UnitNetCents), t.Money(l.NetCents)}
		for i, c := range cells {
			if i != 1 {
				s.pdf.SetXY(x+sum(tableCols[:i]), y)
				s.cell(tableCols[i], rowH, c, align(i), 0)
			}
		}
		s.pdf.SetXY(x+tableCols[0], y)
		for _, d := range desc {
			s.printLine(d, tableCols[1], rowH, "L", 2, false)
		}
		end := s.pdf.GetY()
		s.pdf.Line(marginLeft, end, pageWidth-marginRight, end)
		s.pdf.SetXY(marginLeft, end)
	}
	s.pdf.SetDrawColor(0, 0, 0)
}

func align(col int) string {
	if col >= 2 {
		return "R"
	}
	return "L"
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}

// totals prints net, VAT at its rate and gross under the amount column.
func totals(s *sheet, t *i18n.Translator, inv model.Invoice) {
	s.pdf.Ln(2)
	rate := fmt.Sprintf("%d", inv.VATRateBP/100)
	if inv.VATRateBP%100 != 0 {
		rate = strings.Replace(fmt.Sprintf("%.2f", float64(inv.VATRateBP)/100), ".", decimalSep(t), 1)
	}
	type row struct {
		label string
		cents int64
		bold  bool
	}
	rows := []row{{t.T("doc.total_net"), inv.NetCents, false}}
	if inv.TaxTreatment.ChargesVAT() {
		rows = append(rows, row{t.T("doc.vat", "Rate", rate), inv.VATCents, false})
	} else {
		rows = append(rows, row{t.T("doc.no_vat"), 0, false})
	}
	rows = append(rows, row{t.T("doc.total_gross"), inv.GrossCents, true})
	for _, r := range rows {
		style := ""
		if r.bold {
			style = "B"
		}
		s.setFont(style, 10)
		s.pdf.SetX(marginLeft + 75)
		s.cell(65, 6, r.label, "L", 0)
		s.cell(25, 6, t.Money(r.cents), "R", 1)
	}
	if note := TaxNote(t, inv.TaxTreatment); note != "" {
		s.pdf.Ln(2)
		s.setFont("", 10)
		s.paragraph(contentW, 5, note, "L")
	}
	s.pdf.Ln(4)
}

func decimalSep(t *i18n.Translator) string {
	if t.Lang == "en" {
		return "."
	}
	return ","
}

// paymentNote says how the amount is settled: paid, to be transferred by the due date, or refunded.
func (r *Renderer) paymentNote(s *sheet, t *i18n.Translator, inv model.Invoice) {
	s.setFont("", 10)
	switch {
	case inv.IsCreditNote():
		s.paragraph(contentW, 5, t.T("doc.credit_settlement"), "L")
	case inv.PaymentStatus == model.PaymentPaid:
		s.paragraph(contentW, 5, t.T("doc.paid", "Method", t.T("doc.method."+inv.PaymentMethod)), "L")
	default:
		due := ""
		if inv.DueDate != nil {
			due = day(t, inv.DueDate.In(r.loc))
		}
		s.paragraph(contentW, 5, t.T("doc.pay_by", "Amount", t.Money(inv.GrossCents), "Due", due, "Number", inv.Number), "L")
		if inv.Seller.IBAN != "" {
			s.pdf.Ln(2)
			s.setFont("B", 10)
			s.paragraph(contentW, 5, t.T("doc.bank"), "L")
			s.setFont("", 10)
			for _, l := range []string{inv.Seller.Name, "IBAN " + inv.Seller.IBAN, labelled("BIC", inv.Seller.BIC), inv.Seller.Bank} {
				if l != "" {
					s.paragraph(contentW, 5, l, "L")
				}
			}
		}
	}
	s.pdf.Ln(3)
	s.paragraph(contentW, 5, t.T("doc.thanks"), "L")
}

// continuationHeader names the document and page on every page after the first, so a page that
// comes loose still says where it belongs.
func continuationHeader(s *sheet, t *i18n.Translator, name string) {
	if s.pdf.PageNo() < 2 {
		return
	}
	s.setFont("", 8)
	s.pdf.SetTextColor(90, 90, 90)
	s.paragraph(contentW, 5, name+" · "+t.T("doc.page", "Page", s.pdf.PageNo()), "R")
	s.pdf.SetTextColor(0, 0, 0)
	s.pdf.Ln(3)
}
