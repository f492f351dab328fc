package invoice

import (
	"fmt"
	"strconv"
	"strings"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// OfferPDF renders an in-house offer ("Angebot") in its language from the stored record only,
// so the same record always gives the same document; it is drawn with the invoices' sheet,
// fonts and text filter, and a renderer failure is an error wrapping ErrRender.
func (r *Renderer) OfferPDF(o model.Offer) ([]byte, error) {
	return r.drawPDF("offer "+o.Number, func() ([]byte, error) { return r.offerPDF(o) })
}

func (r *Renderer) offerPDF(o model.Offer) ([]byte, error) {
	t := r.catalog.For(o.Language)
	title := t.T("doc.offer.title") + " " + o.Number
	s := r.newSheet(title, o.Seller, o.IssuedAt, t)
	s.pdf.SetHeaderFunc(s.keepFont(func() { continuationHeader(s, t, title) }))
	rule := logo(s, o.Seller.Name)
	factsEnd := r.offerFacts(s, t, o, max(50, rule+6))
	addressEnd := addressBlock(s, o.Seller, o.Buyer, max(45, rule+4))
	if s.pdf.PageNo() == 1 {
		s.pdf.SetXY(marginLeft, max(105, factsEnd+6, addressEnd+6))
	} else {
		s.pdf.SetXY(marginLeft, addressEnd+6)
	}
	s.setFont("B", 15)
	s.paragraph(contentW, 8, title, "L")
	s.setFont("", 10)
	if text := strings.TrimSpace(o.Text); text != "" {
		s.paragraph(contentW, 5, text, "L")
	}
	s.pdf.Ln(3)
	s.setFont("B", 10)
	s.paragraph(contentW, 5, t.T("doc.offer.dates"), "L")
	s.setFont("", 10)
	for i, p := range o.ProposedDates {
		when := days(t, p.StartsAt.In(r.loc), p.EndsAt.In(r.loc)) + ", " +
			p.StartsAt.In(r.loc).Format("15:04") + "–" + p.EndsAt.In(r.loc).Format("15:04")
		s.paragraph(contentW, 5, strconv.Itoa(i+1)+". "+when, "L")
	}
	if place := offerPlace(t, o); place != "" {
		s.paragraph(contentW, 5, t.T("doc.offer.place")+": "+place, "L")
	}
	s.pdf.Ln(3)
	sheetAsInvoice := offerAsInvoice(t, o)
	lineTable(s, t, sheetAsInvoice)
	totals(s, t, sheetAsInvoice)
	s.setFont("", 10)
	s.paragraph(contentW, 5, t.T("doc.offer.validity", "Until", day(t, o.LastDay().In(r.loc))), "L")
	s.pdf.Ln(2)
	s.paragraph(contentW, 5, t.T("doc.offer.accept"), "L")
	return output(s)
}

// offerAsInvoice is the offer's price as a line table and totals, so the offer prints its
// amounts exactly as the invoice that follows will: flat → one line, per person → persons × price.
func offerAsInvoice(t *i18n.Translator, o model.Offer) model.Invoice {
	line := model.InvoiceLine{Quantity: o.Persons, UnitNetCents: o.PriceNetCents, NetCents: o.NetCents()}
	line.Description = t.T("doc.offer.line_per_person", "Seminar", o.SeminarTitle)
	if o.Pricing == model.PricingFlat {
		line.Quantity, line.Description = 1, t.T("doc.offer.line_flat", "Seminar", o.SeminarTitle, "Persons", o.Persons)
	}
	totals := o.Totals()
	return model.Invoice{
		Lines: []model.InvoiceLine{line}, NetCents: totals.NetCents, VATCents: totals.VATCents, GrossCents: totals.GrossCents,
		VATRateBP: o.VATRateBP, TaxTreatment: model.TaxStandard, Currency: "EUR", Language: o.Language,
	}
}

// offerPlace is where the seminar is to take place: online, or venue, address and city.
func offerPlace(t *i18n.Translator, o model.Offer) string {
	if o.Format == model.FormatOnline {
		return t.T("format.online")
	}
	var parts []string
	for _, p := range []string{o.Venue, o.Address, o.City} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// offerFacts is the block of number, date, validity and persons at the right of the address.
func (r *Renderer) offerFacts(s *sheet, t *i18n.Translator, o model.Offer, top float64) float64 {
	rows := [][2]string{
		{t.T("doc.number"), o.Number},
		{t.T("doc.date"), day(t, o.IssuedAt.In(r.loc))},
		{t.T("doc.offer.valid_until"), day(t, o.LastDay().In(r.loc))},
		{t.T("doc.offer.persons"), fmt.Sprint(o.Persons)},
	}
	return factRows(s, rows, top)
}
