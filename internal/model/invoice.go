package model

import (
	"fmt"
	"time"
)

// Kinds of issued documents.
const (
	InvoiceKindInvoice    = "invoice"
	InvoiceKindCreditNote = "credit_note"
)

// InvoicePrefix is the number prefix of each kind: RE-2026-00042, GS-2026-00007.
var InvoicePrefix = map[string]string{InvoiceKindInvoice: "RE", InvoiceKindCreditNote: "GS"}

// InvoiceNumber formats a document number from its kind, year and sequence.
func InvoiceNumber(kind string, year, seq int) string {
	return fmt.Sprintf("%s-%d-%05d", InvoicePrefix[kind], year, seq)
}

// Party is a seller or buyer as printed on a document, frozen when the document is issued.
type Party struct {
	Name       string `json:"name"`              // company (buyer) or trading name (seller)
	Contact    string `json:"contact,omitempty"` // the person to address
	Street     string `json:"street"`
	PostalCode string `json:"postal_code"`
	City       string `json:"city"`
	Country    string `json:"country"` // ISO 3166-1 alpha-2
	VATID      string `json:"vat_id,omitempty"`
	TaxNumber  string `json:"tax_number,omitempty"`
	Email      string `json:"email,omitempty"`
	Phone      string `json:"phone,omitempty"`
	IBAN       string `json:"iban,omitempty"`
	BIC        string `json:"bic,omitempty"`
	Bank       string `json:"bank,omitempty"`
	// RegistrationID is the seller's identifier and legal registration (EN 16931 BT-29/BT-30),
	// e.g. "HRB 12345"; RegistrationScheme its ISO 6523 ICD scheme ("" when it has none).
	RegistrationID     string `json:"registration_id,omitempty"`
	RegistrationScheme string `json:"registration_scheme,omitempty"`
}

// InvoiceLine is one line of a document. Credit notes carry negative unit and net amounts.
type InvoiceLine struct {
	Description  string `json:"description"`
	Quantity     int    `json:"quantity"`
	UnitNetCents int64  `json:"unit_net_cents"`
	NetCents     int64  `json:"net_cents"`
}

// Invoice is an issued invoice or credit note, stored exactly as issued so that its PDF and XML
// can be rendered identically at any later time. It is never updated or deleted: a correction is
// a credit note that references it.
type Invoice struct {
	ID        uint   `gorm:"primaryKey"`
	Kind      string `gorm:"size:20;not null"`
	Number    string `gorm:"size:30;not null;uniqueIndex"`
	Year      int    `gorm:"not null"`
	Sequence  int    `gorm:"not null"`
	BookingID uint   `gorm:"not null;index"`
	// BookingReference is frozen for the document's text; BookingID links it.
	BookingReference string `gorm:"size:20;not null"`
	// OriginalID and OriginalNumber name the invoice a credit note corrects.
	OriginalID     *uint  `gorm:"index:idx_invoices_original_id,where:original_id IS NOT NULL"`
	OriginalNumber string `gorm:"size:30"`
	Reason         string `gorm:"size:500"`
	IssuedAt       time.Time
	ServiceStart   time.Time
	ServiceEnd     time.Time
	// ServiceLocation is where the service is performed (venue, room, address), or "" online.
	ServiceLocation string        `gorm:"size:600;not null;default:''"`
	Buyer           Party         `gorm:"serializer:json;type:text;not null"`
	Seller          Party         `gorm:"serializer:json;type:text;not null"`
	Lines           []InvoiceLine `gorm:"serializer:json;type:text;not null"`
	NetCents        int64         `gorm:"not null"`
	VATCents        int64         `gorm:"not null"`
	GrossCents      int64         `gorm:"not null"`
	VATRateBP       int           `gorm:"not null"`
	// TaxTreatment is the booking's when the document was issued; it decides the VAT category.
	TaxTreatment  TaxTreatment `gorm:"size:20;not null;default:standard"`
	Currency      string       `gorm:"size:3;not null"`
	Language      string       `gorm:"size:5;not null"`
	PaymentMethod string       `gorm:"size:20;not null"`
	// PaymentStatus is the booking's payment status when the document was issued.
	PaymentStatus  PaymentStatus `gorm:"size:20;not null"`
	DueDate        *time.Time
	PONumber       string `gorm:"size:100"`
	BuyerReference string `gorm:"size:100"` // Leitweg-ID or other buyer reference (EN 16931 BT-10)
	CreatedAt      time.Time
}

// Tax is the document's tax treatment and rate.
func (i Invoice) Tax() Tax { return Tax{Treatment: i.TaxTreatment, RateBP: i.VATRateBP} }

// IsCreditNote tells whether the document corrects another.
func (i Invoice) IsCreditNote() bool { return i.Kind == InvoiceKindCreditNote }

// InvoiceCounter holds the last number issued for a kind in a year. It is only changed by a
// conditional UPDATE inside the transaction that issues the document, so numbers are gap-free:
// a rolled-back issue rolls the counter back with it.
type InvoiceCounter struct {
	Kind string `gorm:"primaryKey;size:20"`
	Year int    `gorm:"primaryKey;autoIncrement:false"`
	Last int    `gorm:"not null;default:0"`
}

// NetOfGross is the net amount whose gross at rateBP is grossCents, rounded half away from zero;
// it turns a gross amount to credit (a refund, what is left after a fee) into a credit note's net.
func NetOfGross(grossCents int64, rateBP int) int64 {
	num, den := grossCents*10000, int64(10000+rateBP)
	if num < 0 {
		return -((-num + den/2) / den)
	}
	return (num + den/2) / den
}

// CurrentInvoice is the invoice of a booking that stands among its documents (in any order):
// the newest invoice. An invoice a correction replaced is fully credited and older than its
// replacement. creditedNet is what the credit notes against it took off its net amount, as a
// positive sum; ok is false when no invoice was issued.
func CurrentInvoice(docs []Invoice) (current Invoice, creditedNet int64, ok bool) {
	for _, d := range docs {
		if d.Kind == InvoiceKindInvoice && (!ok || d.ID > current.ID) {
			current, ok = d, true
		}
	}
	for _, d := range docs {
		if ok && current.Corrects(d) {
			creditedNet -= d.NetCents
		}
	}
	return current, creditedNet, ok
}

// Replaced tells whether a correction replaced the invoice: it is fully credited and a newer
// invoice of the booking stands in its place.
func Replaced(inv Invoice, docs []Invoice) bool {
	cur, _, ok := CurrentInvoice(docs)
	return inv.Kind == InvoiceKindInvoice && ok && cur.ID != inv.ID
}

// Corrects tells whether doc is a credit note against the invoice i (one stored without the
// invoice it corrects is taken to correct the booking's one invoice).
func (i Invoice) Corrects(doc Invoice) bool {
	return doc.IsCreditNote() && (doc.OriginalID == nil || *doc.OriginalID == i.ID)
}
