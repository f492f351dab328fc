package invoice

import (
	"bytes"
	_ "embed" // the fonts are part of the binary
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// DejaVu Sans covers ä ö ü ß € and every other Latin character a German or English document needs;
// fpdf's core fonts do not. Licence: fonts/LICENSE.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

const (
	fontFamily  = "dejavu"
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
type Renderer struct {
	catalog *i18n.Catalog
	loc     *time.Location
}

// NewRenderer returns a renderer that translates with catalog and prints times in loc.
func NewRenderer(catalog *i18n.Catalog, loc *time.Location) *Renderer {
	if loc == nil {
		loc = time.UTC
	}
	return &Renderer{catalog: catalog, loc: loc}
}

// newDocument starts an A4 page with the fonts, the metadata fixed to issued (so that rendering
// the same record twice gives the same file) and the seller's footer on every page.
func newDocument(title string, seller model.Party, issued time.Time, t *i18n.Translator) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	pdf.SetMargins(marginLeft, 20, marginRight)
	pdf.SetAutoPageBreak(true, 30)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(seller.Name, true)
	pdf.SetCreator("Seminars", true)
	pdf.SetProducer("Seminars", true)
	pdf.SetCreationDate(issued)
	pdf.SetModificationDate(issued)
	pdf.SetCatalogSort(true)
	pdf.SetFooterFunc(func() { footer(pdf, seller, t) })
	pdf.AddPage()
	return pdf
}

// logo draws the seller's mark — three linked speech bubbles, for social media as communication
// infrastructure — and name at the top of the page, drawn as vectors so no image file is needed.
func logo(pdf *fpdf.Fpdf, name string) {
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
	pdf.SetXY(x+20, y+1.5)
	pdf.SetFont(fontFamily, "B", 13)
	pdf.SetTextColor(brandDark[0], brandDark[1], brandDark[2])
	pdf.CellFormat(contentW-20, 7, name, "", 0, "L", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
	pdf.SetDrawColor(brandLight[0], brandLight[1], brandLight[2])
	pdf.SetLineWidth(0.4)
	pdf.Line(marginLeft, y+14, pageWidth-marginRight, y+14)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
}

// footer prints who issued the document: the facts §14 UStG and the Impressum expect on it.
func footer(pdf *fpdf.Fpdf, s model.Party, t *i18n.Translator) {
	pdf.SetY(-25)
	pdf.SetFont(fontFamily, "", 7.5)
	pdf.SetTextColor(90, 90, 90)
	third := contentW / 3
	col := func(lines ...string) {
		x := pdf.GetX()
		y := pdf.GetY()
		for _, l := range lines {
			if l != "" {
				pdf.SetX(x)
				pdf.CellFormat(third, 3.5, l, "", 2, "L", false, 0, "")
			}
		}
		pdf.SetXY(x+third, y)
	}
	col(s.Name, s.Street, s.PostalCode+" "+s.City)
	col(s.Email, labelled(t.T("doc.vat_id"), s.VATID), labelled(t.T("doc.tax_number"), s.TaxNumber))
	col(s.Bank, labelled("IBAN", s.IBAN), labelled("BIC", s.BIC))
	pdf.SetTextColor(0, 0, 0)
}

func labelled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}

// output writes the finished document.
func output(pdf *fpdf.Fpdf) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// day formats a calendar day the way each language writes it on documents.
func day(t *i18n.Translator, at time.Time) string {
	if t.Lang == "en" {
		return at.Format("2 January 2006")
	}
	return at.Format("02.01.2006")
}

// days formats a span of days, or a single day when it starts and ends on the same one.
func days(t *i18n.Translator, start, end time.Time) string {
	if start.Format("2006-01-02") == end.Format("2006-01-02") || end.IsZero() {
		return day(t, start)
	}
	return day(t, start) + " – " + day(t, end)
}
