package model

import "time"

// Kinds of the files an issued invoice or credit note is stored as.
const (
	DocumentPDF = "pdf" // the printable document
	DocumentXML = "xml" // the EN 16931 e-invoice (UN/CEFACT CII)
)

// IssuedDocument is the file of an invoice or credit note as it was rendered once after the
// document was issued. Downloads and mails serve these bytes, so a later change of the renderer
// (fonts, layout, XML mapping) never alters a document a customer or the tax office already has.
// One row per invoice and kind; rows are never updated or deleted.
type IssuedDocument struct {
	ID          uint      `gorm:"primaryKey"`
	InvoiceID   uint      `gorm:"not null;uniqueIndex:idx_issued_documents_invoice_kind,priority:1"`
	Kind        string    `gorm:"size:10;not null;uniqueIndex:idx_issued_documents_invoice_kind,priority:2"`
	ContentType string    `gorm:"size:100;not null"`
	Data        []byte    `gorm:"not null"`
	SHA256      string    `gorm:"column:sha256;size:64;not null"` // hex, of Data
	Size        int64     `gorm:"not null"`
	RenderedAt  time.Time `gorm:"not null"`
}

// DocumentRenderPayload is the payload of a document.render item.
type DocumentRenderPayload struct {
	InvoiceID uint `json:"invoice_id"`
	// OfferID, set instead of InvoiceID, asks for an in-house offer's PDF.
	OfferID uint `json:"offer_id,omitempty"`
}
