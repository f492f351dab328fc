package store

import (
	"context"

	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// StoreIssuedDocument keeps the rendered file of an invoice or credit note. The first file stored
// for an invoice and kind stays: a second one (a concurrent download, a retried render) is
// dropped by the unique index, so every reader gets the same bytes.
// It says whether doc is the one stored; if not, the caller reads the stored one back (and
// only then: reading back the 40 kB it just wrote cost every render a query).
func (tx *Tx) StoreIssuedDocument(ctx context.Context, doc *model.IssuedDocument) (bool, error) {
	res := tx.db.WithContext(ctx).
		Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "invoice_id"}, {Name: "kind"}}, DoNothing: true}).
		Create(doc)
	return res.Error == nil && res.RowsAffected == 1, res.Error
}

// IssuedDocument returns the stored file of an invoice of a kind (model.DocumentPDF, model.DocumentXML).
func (q Reads) IssuedDocument(ctx context.Context, invoiceID uint, kind string) (model.IssuedDocument, error) {
	var doc model.IssuedDocument
	err := q.db.WithContext(ctx).Where("invoice_id = ? AND kind = ?", invoiceID, kind).First(&doc).Error
	return doc, notFound(err, "issued document")
}

// CountIssuedDocuments counts the stored files of an invoice.
func (q Reads) CountIssuedDocuments(ctx context.Context, invoiceID uint) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.IssuedDocument{}).Where("invoice_id = ?", invoiceID).Count(&n).Error
	return n, err
}

// InvoiceByID returns one document by its id.
func (q Reads) InvoiceByID(ctx context.Context, id uint) (model.Invoice, error) {
	var inv model.Invoice
	err := q.db.WithContext(ctx).First(&inv, id).Error
	return inv, notFound(err, "invoice")
}
