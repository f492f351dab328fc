package invoice

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// Specification identifiers (BT-24). XRechnung is declared only when the document has what it
// requires (XRechnungReady); otherwise the document is plain EN 16931.
const (
	GuidelineEN16931   = "urn:cen.eu:en16931:2017"
	GuidelineXRechnung = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
	businessProcess    = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
)

// UNTDID 1001 document types and 4461 payment means used here.
const (
	typeInvoice         = "380"
	typeCreditNote      = "381"
	meansCreditTransfer = "58" // SEPA credit transfer, with the seller's IBAN
	// meansOnlineService is a payment through Stripe: the card or mandate data stays at Stripe, and
	// card codes (48, 54, 55) would need it (XRechnung BR-DE-24).
	meansOnlineService = "68"
	// meansNotDefined is a payment whose instrument the document cannot name: a refund of a bank
	// transfer (the buyer's IBAN is not known) or a transfer without a seller IBAN configured.
	meansNotDefined = "1"
	unitPerson      = "C62" // "one": a seat for one attendee
)

// EInvoiceXML renders an issued document as EN 16931 CII XML. A credit note is type 381 with
// positive amounts, as EN 16931 states credits by type rather than by sign. Any text gives a
// well-formed document (see xmlText); a failure of the renderer itself is an error wrapping
// ErrRender, never a panic.
func (r *Renderer) EInvoiceXML(inv model.Invoice) ([]byte, error) {
	return guard("e-invoice "+inv.Number, func() ([]byte, error) { return r.eInvoiceXML(xmlSafeInvoice(inv)) })
}

func (r *Renderer) eInvoiceXML(inv model.Invoice) ([]byte, error) {
	t := r.catalog.For(inv.Language)
	sign := int64(1)
	typeCode := typeInvoice
	if inv.IsCreditNote() {
		sign, typeCode = -1, typeCreditNote
	}
	doc := ciiInvoice{
		XmlnsRSM: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
		XmlnsRAM: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
		XmlnsUDT: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
		XmlnsQDT: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
		Context:  ciiContext{BusinessProcess: &ciiID{businessProcess}, Guideline: ciiID{Guideline(inv)}},
		Document: ciiDocument{
			ID: inv.Number, TypeCode: typeCode, IssueDate: r.date(inv.IssuedAt),
			Notes: notes(t, inv),
		},
		Transaction: ciiTransaction{
			Lines:      r.lines(inv, sign),
			Agreement:  agreement(inv, inv.TaxTreatment.CarriesVATIDs()),
			Delivery:   ciiDelivery{Event: &ciiEvent{Occurrence: r.date(inv.ServiceStart)}},
			Settlement: r.settlement(t, inv, sign),
		},
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("e-invoice %s: %w", inv.Number, err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// xmlSafeInvoice is inv with every text passed through xmlText: the record may hold any string,
// the document must stay well-formed XML 1.0.
func xmlSafeInvoice(inv model.Invoice) model.Invoice {
	for _, f := range []*string{
		&inv.Number, &inv.BookingReference, &inv.OriginalNumber, &inv.Reason, &inv.Currency,
		&inv.Language, &inv.PaymentMethod, &inv.PONumber, &inv.BuyerReference,
	} {
		*f = xmlText(*f)
	}
	inv.Buyer, inv.Seller = xmlSafeParty(inv.Buyer), xmlSafeParty(inv.Seller)
	lines := make([]model.InvoiceLine, len(inv.Lines))
	for i, l := range inv.Lines {
		l.Description = xmlText(l.Description)
		lines[i] = l
	}
	inv.Lines = lines
	return inv
}

func xmlSafeParty(p model.Party) model.Party {
	for _, f := range []*string{
		&p.Name, &p.Contact, &p.Street, &p.PostalCode, &p.City, &p.Country, &p.VATID,
		&p.TaxNumber, &p.Email, &p.Phone, &p.IBAN, &p.BIC, &p.Bank,
	} {
		*f = xmlText(*f)
	}
	return p
}

// XRechnungReady tells whether a document has what XRechnung requires beyond EN 16931: the
// buyer's reference (BT-10, the Leitweg-ID of a public buyer; BR-DE-15), a seller contact with
// telephone and e-mail (BR-DE-2, -6, -7), and both parties' postal code and city (BR-DE-3, -4,
// -8, -9). A document without them would fail the XRechnung rules, so it declares EN 16931 only.
func XRechnungReady(inv model.Invoice) bool {
	s, b := inv.Seller, inv.Buyer
	return inv.BuyerReference != "" && s.Phone != "" && s.Email != "" &&
		s.PostalCode != "" && s.City != "" && b.PostalCode != "" && b.City != ""
}

// Guideline is the specification identifier the document declares (BT-24).
func Guideline(inv model.Invoice) string {
	if XRechnungReady(inv) {
		return GuidelineXRechnung
	}
	return GuidelineEN16931
}

func notes(t *i18n.Translator, inv model.Invoice) []ciiNote {
	var out []ciiNote
	if inv.IsCreditNote() {
		out = append(out, ciiNote{t.T("doc.credit_note.refers", "Number", inv.OriginalNumber)})
		if inv.Reason != "" {
			out = append(out, ciiNote{t.T("doc.reason") + ": " + inv.Reason})
		}
	}
	if note := TaxNote(t, inv.TaxTreatment); note != "" {
		out = append(out, ciiNote{note})
	}
	return out
}

func (r *Renderer) date(at time.Time) ciiDate {
	return ciiDate{ciiDateString{Format: "102", Value: at.In(r.loc).Format("20060102")}}
}

func (r *Renderer) lines(inv model.Invoice, sign int64) []ciiLine {
	out := make([]ciiLine, 0, len(inv.Lines))
	for i, l := range inv.Lines {
		qty, unit := int64(l.Quantity), sign*l.UnitNetCents
		if unit < 0 { // a discount line on an invoice: a negative quantity keeps the price positive
			qty, unit = -qty, -unit
		}
		out = append(out, ciiLine{
			Document:  ciiLineDocument{LineID: fmt.Sprint(i + 1)},
			Product:   ciiProduct{Name: l.Description},
			Agreement: ciiLineAgreement{NetPrice: ciiPrice{ChargeAmount: amount(unit)}},
			Delivery:  ciiLineDelivery{Quantity: ciiQuantity{UnitCode: unitPerson, Value: fmt.Sprint(qty)}},
			Settlement: ciiLineSettlement{
				Tax:       lineTax(inv),
				Summation: ciiLineSummation{LineTotal: amount(sign * l.NetCents)},
			},
		})
	}
	return out
}

func agreement(inv model.Invoice, vatIDs bool) ciiAgreement {
	a := ciiAgreement{
		BuyerReference: inv.BuyerReference,
		Seller:         sellerParty(inv.Seller, vatIDs),
		Buyer:          party(inv.Buyer, false, vatIDs),
	}
	if inv.PONumber != "" {
		a.BuyerOrder = &ciiReferenceDoc{IssuerAssignedID: inv.PONumber}
	}
	return a
}

// sellerParty is the seller with its identifier (BT-29) and legal registration (BT-30), so that
// the buyer can identify it even on documents without its VAT ID (BR-CO-26): the configured
// registration, else — when no VAT ID is stated — its Steuernummer as the identifier.
func sellerParty(p model.Party, vatIDs bool) ciiParty {
	out := party(p, true, vatIDs)
	switch {
	case p.RegistrationID != "":
		if p.RegistrationScheme == "" {
			out.ID = p.RegistrationID
		} else {
			out.GlobalID = &ciiSchemedID{SchemeID: p.RegistrationScheme, Value: p.RegistrationID}
		}
		out.Legal = &ciiLegalOrg{ID: ciiSchemedID{SchemeID: p.RegistrationScheme, Value: p.RegistrationID}}
	case (p.VATID == "" || !vatIDs) && p.TaxNumber != "":
		out.ID = p.TaxNumber
	}
	return out
}

// party is a seller or buyer with address, electronic address (e-mail) and tax registrations;
// vatIDs false leaves out the VAT IDs (a category O document states none, BR-O-02).
func party(p model.Party, seller, vatIDs bool) ciiParty {
	out := ciiParty{
		Name:    p.Name,
		Address: ciiAddress{Postcode: p.PostalCode, LineOne: p.Street, City: p.City, Country: p.Country},
	}
	if p.Email != "" {
		out.URI = &ciiURI{ciiSchemedID{SchemeID: "EM", Value: p.Email}}
	}
	name := p.Contact
	if seller && name == "" {
		name = p.Name
	}
	if name != "" || p.Email != "" || p.Phone != "" {
		c := &ciiContact{PersonName: name}
		if p.Phone != "" {
			c.Telephone = &ciiTelephone{CompleteNumber: p.Phone}
		}
		if p.Email != "" {
			c.Email = &ciiURI{ciiSchemedID{Value: p.Email}}
		}
		out.Contact = c
	}
	if p.VATID != "" && vatIDs {
		out.TaxRegs = append(out.TaxRegs, ciiTaxRegistered{ciiSchemedID{SchemeID: "VA", Value: p.VATID}})
	}
	if seller && p.TaxNumber != "" {
		out.TaxRegs = append(out.TaxRegs, ciiTaxRegistered{ciiSchemedID{SchemeID: "FC", Value: p.TaxNumber}})
	}
	return out
}

func (r *Renderer) settlement(t *i18n.Translator, inv model.Invoice, sign int64) ciiSettlement {
	net, vat, gross := sign*inv.NetCents, sign*inv.VATCents, sign*inv.GrossCents
	s := ciiSettlement{
		PaymentReference: inv.Number,
		Currency:         inv.Currency,
		PaymentMeans:     paymentMeans(inv),
		Tax:              headerTax(t, inv, net, vat),
		Summation: ciiHeaderSummation{
			LineTotal: amount(net), TaxBasis: amount(net), TaxTotal: ciiAmount{inv.Currency, amount(vat)},
			GrandTotal: amount(gross), DuePayable: amount(gross),
		},
	}
	if inv.ServiceEnd.After(inv.ServiceStart) {
		s.Period = &ciiPeriod{Start: r.date(inv.ServiceStart), End: r.date(inv.ServiceEnd)}
	}
	switch {
	case inv.IsCreditNote():
		s.InvoiceRef = &ciiReferenceDoc{IssuerAssignedID: inv.OriginalNumber}
		s.Terms = &ciiTerms{Description: t.T("doc.credit_settlement")}
	case inv.PaymentStatus == model.PaymentPaid:
		s.Summation.Prepaid, s.Summation.DuePayable = amount(gross), amount(0)
		s.Terms = &ciiTerms{Description: t.T("doc.paid", "Method", t.T("doc.method."+inv.PaymentMethod))}
	default:
		terms := &ciiTerms{}
		if inv.DueDate != nil {
			d := r.date(*inv.DueDate)
			terms.DueDate = &d
			terms.Description = t.T("doc.pay_by", "Amount", t.Money(gross), "Due", day(t, inv.DueDate.In(r.loc)), "Number", inv.Number)
		}
		s.Terms = terms
	}
	return s
}

// amount writes cents as a decimal with two places, as CII amounts are written.
func amount(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

// percent writes a rate in basis points as a percentage: 1900 → "19", 750 → "7.5".
func percent(bp int) string {
	s := fmt.Sprintf("%d.%02d", bp/100, bp%100)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}
