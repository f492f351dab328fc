package invoice

import (
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// InvoicePDF renders an issued invoice or credit note in its language, from the stored record
// only, so the same record always gives the same document.
func (r *Renderer) InvoicePDF(inv model.Invoice) ([]byte, error) {
	t := r.catalog.For(inv.Language)
	title := documentTitle(t, inv)
	pdf := newDocument(title+" "+inv.Number, inv.Seller, inv.IssuedAt, t)
	pdf.SetHeaderFunc(func() { continuationHeader(pdf, t, title+" "+inv.Number) })
	logo(pdf, inv.Seller.Name)
	addressBlock(pdf, inv.Seller, inv.Buyer)
	factsEnd := r.facts(pdf, t, inv)
	pdf.SetXY(marginLeft, max(105, factsEnd+6))
	pdf.SetFont(fontFamily, "B", 15)
	pdf.CellFormat(contentW, 8, title+" "+inv.Number, "", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 10)
	if inv.IsCreditNote() {
		pdf.CellFormat(contentW, 6, t.T("doc.credit_note.refers", "Number", inv.OriginalNumber), "", 1, "L", false, 0, "")
		if inv.Reason != "" {
			pdf.MultiCell(contentW, 5, t.T("doc.reason")+": "+inv.Reason, "", "L", false)
		}
	}
	pdf.Ln(3)
	lineTable(pdf, t, inv)
	totals(pdf, t, inv)
	r.paymentNote(pdf, t, inv)
	return output(pdf)
}

func documentTitle(t *i18n.Translator, inv model.Invoice) string {
	if inv.IsCreditNote() {
		return t.T("doc.credit_note.title")
	}
	return t.T("doc.invoice.title")
}

// addressBlock puts the sender line and the buyer's address where a DIN 5008 window envelope shows them.
func addressBlock(pdf *fpdf.Fpdf, seller, buyer model.Party) {
	pdf.SetXY(marginLeft, 45)
	pdf.SetFont(fontFamily, "", 7)
	pdf.CellFormat(85, 4, seller.Name+" · "+seller.Street+" · "+seller.PostalCode+" "+seller.City, "B", 1, "L", false, 0, "")
	pdf.SetFont(fontFamily, "", 10)
	pdf.Ln(1)
	for _, l := range []string{buyer.Name, buyer.Contact, buyer.Street, buyer.PostalCode + " " + buyer.City, countryLine(buyer.Country)} {
		if strings.TrimSpace(l) != "" {
			pdf.CellFormat(85, 5, l, "", 1, "L", false, 0, "")
		}
	}
}

// countryLine names the buyer's country only when it is abroad, as German addresses do.
func countryLine(code string) string {
	if code == "DE" || code == "" {
		return ""
	}
	return code
}

// facts is the block of numbers and dates at the right of the address. A value wider than its
// column (an English date range across two days, a long PO number) wraps onto further lines
// instead of running over its label. It returns where the block ends.
func (r *Renderer) facts(pdf *fpdf.Fpdf, t *i18n.Translator, inv model.Invoice) float64 {
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
	const x, labelW, lineH = 120.0, 30.0, 5.0
	valueW := pageWidth - marginRight - x - labelW
	y := 50.0
	for _, row := range rows {
		if row[1] == "" {
			continue
		}
		pdf.SetXY(x, y)
		pdf.SetFont(fontFamily, "", 8.5)
		pdf.CellFormat(labelW, lineH, row[0], "", 0, "L", false, 0, "")
		pdf.SetFont(fontFamily, "B", 8.5)
		for _, line := range wrapValue(pdf, row[1], valueW) {
			pdf.SetXY(x+labelW, y)
			pdf.CellFormat(valueW, lineH, line, "", 0, "R", false, 0, "")
			y += lineH
		}
	}
	return y
}

// wrapValue splits a value into lines that fit width in the current font: at spaces where it
// can, and a date range after its dash, so "1 January 2027 –" and "2 January 2027" stay whole.
func wrapValue(pdf *fpdf.Fpdf, value string, width float64) []string {
	if pdf.GetStringWidth(value) <= width {
		return []string{value}
	}
	if a, b, ok := strings.Cut(value, " – "); ok && pdf.GetStringWidth(a+" –") <= width && pdf.GetStringWidth(b) <= width {
		return []string{a + " –", b}
	}
	return pdf.SplitText(value, width)
}

var tableCols = [5]float64{12, 88, 15, 25, 25} // pos, description, quantity, unit, net; sums to contentW

// lineTable prints one row per line, the description wrapping within its column.
func lineTable(pdf *fpdf.Fpdf, t *i18n.Translator, inv model.Invoice) {
	pdf.SetFont(fontFamily, "B", 9)
	pdf.SetFillColor(brandDark[0], brandDark[1], brandDark[2])
	pdf.SetTextColor(255, 255, 255)
	heads := []string{t.T("doc.col.pos"), t.T("doc.col.description"), t.T("doc.col.quantity"), t.T("doc.col.unit"), t.T("doc.col.net")}
	for i, h := range heads {
		pdf.CellFormat(tableCols[i], 7, h, "", 0, align(i), true, 0, "")
	}
	pdf.Ln(-1)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "", 9)
	pdf.SetDrawColor(200, 200, 200)
	for n, l := range inv.Lines {
		desc := pdf.SplitText(l.Description, tableCols[1]-2)
		h := 5.5 * float64(len(desc))
		if pdf.GetY()+h > 260 {
			pdf.AddPage()
			pdf.SetFont(fontFamily, "", 9)
		}
		x, y := pdf.GetXY()
		cells := []string{fmt.Sprint(n + 1), "", fmt.Sprint(l.Quantity), t.Money(l.UnitNetCents), t.Money(l.NetCents)}
		for i, c := range cells {
			pdf.SetXY(x+sum(tableCols[:i]), y)
			if i == 1 {
				pdf.MultiCell(tableCols[1], 5.5, strings.Join(desc, "\n"), "", "L", false)
				continue
			}
			pdf.CellFormat(tableCols[i], 5.5, c, "", 0, align(i), false, 0, "")
		}
		pdf.Line(marginLeft, y+h, pageWidth-marginRight, y+h)
		pdf.SetXY(marginLeft, y+h)
	}
	pdf.SetDrawColor(0, 0, 0)
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
func totals(pdf *fpdf.Fpdf, t *i18n.Translator, inv model.Invoice) {
	pdf.Ln(2)
	rate := fmt.Sprintf("%d", inv.VATRateBP/100)
	if inv.VATRateBP%100 != 0 {
		rate = strings.Replace(fmt.Sprintf("%.2f", float64(inv.VATRateBP)/100), ".", decimalSep(t), 1)
	}
	rows := []struct {
		label string
		cents int64
		bold  bool
	}{
		{t.T("doc.total_net"), inv.NetCents, false},
		{t.T("doc.vat", "Rate", rate), inv.VATCents, false},
		{t.T("doc.total_gross"), inv.GrossCents, true},
	}
	for _, r := range rows {
		style := ""
		if r.bold {
			style = "B"
		}
		pdf.SetFont(fontFamily, style, 10)
		pdf.SetX(marginLeft + 75)
		pdf.CellFormat(65, 6, r.label, "", 0, "L", false, 0, "")
		pdf.CellFormat(25, 6, t.Money(r.cents), "", 1, "R", false, 0, "")
	}
	pdf.Ln(4)
}

func decimalSep(t *i18n.Translator) string {
	if t.Lang == "en" {
		return "."
	}
	return ","
}

// paymentNote says how the amount is settled: paid, to be transferred by the due date, or refunded.
func (r *Renderer) paymentNote(pdf *fpdf.Fpdf, t *i18n.Translator, inv model.Invoice) {
	pdf.SetFont(fontFamily, "", 10)
	switch {
	case inv.IsCreditNote():
		pdf.MultiCell(contentW, 5, t.T("doc.credit_settlement"), "", "L", false)
	case inv.PaymentStatus == model.PaymentPaid:
		pdf.MultiCell(contentW, 5, t.T("doc.paid", "Method", t.T("doc.method."+inv.PaymentMethod)), "", "L", false)
	default:
		due := ""
		if inv.DueDate != nil {
			due = day(t, inv.DueDate.In(r.loc))
		}
		pdf.MultiCell(contentW, 5, t.T("doc.pay_by", "Amount", t.Money(inv.GrossCents), "Due", due, "Number", inv.Number), "", "L", false)
		if inv.Seller.IBAN != "" {
			pdf.Ln(2)
			pdf.SetFont(fontFamily, "B", 10)
			pdf.CellFormat(contentW, 5, t.T("doc.bank"), "", 1, "L", false, 0, "")
			pdf.SetFont(fontFamily, "", 10)
			for _, l := range []string{inv.Seller.Name, "IBAN " + inv.Seller.IBAN, labelled("BIC", inv.Seller.BIC), inv.Seller.Bank} {
				if l != "" {
					pdf.CellFormat(contentW, 5, l, "", 1, "L", false, 0, "")
				}
			}
		}
	}
	pdf.Ln(3)
	pdf.MultiCell(contentW, 5, t.T("doc.thanks"), "", "L", false)
}

// continuationHeader names the document and page on every page after the first, so a page that
// comes loose still says where it belongs.
func continuationHeader(pdf *fpdf.Fpdf, t *i18n.Translator, name string) {
	if pdf.PageNo() < 2 {
		return
	}
	pdf.SetFont(fontFamily, "", 8)
	pdf.SetTextColor(90, 90, 90)
	pdf.CellFormat(contentW, 5, name+" · "+t.T("doc.page", "Page", pdf.PageNo()), "", 1, "R", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(3)
}
