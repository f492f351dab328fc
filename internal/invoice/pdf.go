package invoice

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/worker"
)

const (
	marginLeft  = 25.0 // DIN 5008 left margin, in mm
	marginRight = 20.0
	pageWidth   = 210.0
	contentW    = pageWidth - marginLeft - marginRight
)

// brand colours of the drawn logo and table header.
var (
	brandDark  = [3]int{23, 63, 95}
	brandLight = [3]int{60, 145, 200}
)

// Renderer draws documents as PDF in the document's language.
// It is safe for concurrent use; the fonts are prepared once per process and shared.
type Renderer struct {
	catalog *i18n.Catalog
	loc     *time.Location
	fonts   *fontBook
}

// NewRenderer returns a renderer that translates with catalog and prints times in loc.
func NewRenderer(catalog *i18n.Catalog, loc *time.Location) *Renderer {
	if loc == nil {
		loc = time.UTC
	}
	return &Renderer{catalog: catalog, loc: loc, fonts: sharedFonts()}
}

// newSheet starts an A4 page with the fonts, the metadata fixed to issued (so that rendering
// the same record twice gives the same file) and the seller's footer on every page.
func (r *Renderer) newSheet(title string, seller model.Party, issued time.Time, t *i18n.Translator) *sheet {
	pdf := fpdf.New("P", "mm", "A4", "")
	s := &sheet{pdf: pdf, fonts: r.fonts}
	pdf.SetMargins(marginLeft, 20, marginRight)
	pdf.SetAutoPageBreak(true, 30)
	pdf.SetTitle(metadataText(title), true)
	pdf.SetAuthor(metadataText(seller.Name), true)
	pdf.SetCreator("Seminars", true)
	pdf.SetProducer("Seminars", true)
	pdf.SetCreationDate(issued)
	pdf.SetModificationDate(issued)
	pdf.SetCatalogSort(true)
	pdf.SetFooterFunc(s.keepFont(func() { footer(s, seller, t) }))
	s.setFont("", 10)
	pdf.AddPage()
	return s
}

// logo draws the seller's mark — three linked speech bubbles, for social media as communication
// infrastructure — and name at the top of the page, drawn as vectors so no image file is needed.
// A long name is set smaller and wraps. It returns where the rule under the logo is.
func logo(s *sheet, name string) float64 {
	pdf := s.pdf
	x, y := marginLeft, 15.0
	pdf.SetFillColor(brandDark[0], brandDark[1], brandDark[2])
	pdf.RoundedRect(x, y, 11, 8, 2, "1234", "F")
	pdf.Polygon([]fpdf.PointType{{X: x + 2.5, Y: y + 7.5}, {X: x + 5, Y: y + 7.5}, {X: x + 2, Y: y + 10.5}}, "F")
	pdf.SetFillColor(brandLight[0], brandLight[1], brandLight[2])
	pdf.RoundedRect(x+7, y+4, 10, 7, 2, "1234", "F")
	pdf.SetFillColor(255, 255, 255)
	for i := 0.0; i < 3; i++ {
		pdf.Circle(x+9.5+i*2.5, y+7.5, 0.6, "F")
	}
	const nameW = contentW - 20
	size := 13.0
	s.setFont("B", size)
	for size > 8 && s.width(name) > nameW-2*pdf.GetCellMargin() {
		size -= 0.5
		s.setFont("B", size)
	}
	pdf.SetXY(x+20, y+1.5)
	pdf.SetTextColor(brandDark[0], brandDark[1], brandDark[2])
	s.paragraph(nameW, 7*size/13, name, "L")
	pdf.SetTextColor(0, 0, 0)
	rule := max(y+14, pdf.GetY()+1.5)
	pdf.SetDrawColor(brandLight[0], brandLight[1], brandLight[2])
	pdf.SetLineWidth(0.4)
	pdf.Line(marginLeft, rule, pageWidth-marginRight, rule)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	return rule
}

// footer prints who issued the document: the facts §14 UStG and the Impressum expect on it, in
// three columns whose long lines wrap; a footer that would not fit is set smaller.
func footer(s *sheet, p model.Party, t *i18n.Translator) {
	cols := [3][]string{
		{p.Name, p.Street, strings.TrimSpace(p.PostalCode + " " + p.City)},
		{p.Email, labelled(t.T("doc.vat_id"), p.VATID), labelled(t.T("doc.tax_number"), p.TaxNumber)},
		{p.Bank, labelled("IBAN", p.IBAN), labelled("BIC", p.BIC)},
	}
	const third, room = contentW / 3, 22.0 // mm from the footer's top to the page's edge
	size, lineH := 7.5, 3.5
	for {
		s.setFont("", size)
		if float64(footerLines(s, cols, third))*lineH <= room || size <= 5 {
			break
		}
		size, lineH = size-0.5, lineH*(size-0.5)/size
	}
	s.pdf.SetTextColor(90, 90, 90)
	_, pageH := s.pdf.GetPageSize()
	top := pageH - 25
	for i, col := range cols {
		s.pdf.SetXY(marginLeft+float64(i)*third, top)
		for _, l := range col {
			if l != "" {
				s.paragraph(third, lineH, l, "L")
			}
		}
	}
	s.pdf.SetTextColor(0, 0, 0)
}

// footerLines is how many lines the longest footer column takes.
func footerLines(s *sheet, cols [3][]string, width float64) int {
	most := 0
	for _, col := range cols {
		n := 0
		for _, l := range col {
			n += len(s.wrap(l, width-2*s.pdf.GetCellMargin()))
		}
		most = max(most, n)
	}
	return most
}

func labelled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}

// output writes the finished document.
func output(s *sheet) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// ErrRender says a document could not be rendered because the renderer itself failed (a panic
// in it or in the PDF library), not because of the record. It is permanent (worker.Permanent):
// the same data fails the same way, so a render item that keeps failing with it is parked.
var ErrRender = worker.Permanent(errors.New("document renderer failed"))

// guard runs a renderer and turns a panic in it into an error wrapping ErrRender, so that no
// document, whatever its text, can take down the process that renders it. The text filter is
// what keeps fpdf from panicking; this is the second line of defence.
func guard(what string, render func() ([]byte, error)) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("%w: %s: panic: %v", ErrRender, what, p)
		}
	}()
	return render()
}

// day formats a calendar day the way each language writes it on documents.
func day(t *i18n.Translator, at time.Time) string { return t.Day(at) }

// days formats a span of days, or a single day when it starts and ends on the same one.
func days(t *i18n.Translator, start, end time.Time) string {
	if start.Format("2006-01-02") == end.Format("2006-01-02") || end.IsZero() {
		return day(t, start)
	}
	return day(t, start) + " – " + day(t, end)
}
