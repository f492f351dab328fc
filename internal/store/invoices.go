package store

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// NextInvoiceSequence takes the next number of a kind in a year and returns it. It must run in
// the transaction that issues the document, as late as it can: one upsert creates the counter
// row or raises it and returns the new value, and the row stays locked until commit on
// PostgreSQL (SQLite serialises writers anyway), so two transactions never get the same number,
// and a rolled-back issue gives its number back without leaving a gap. The counter is one hot
// row for every booking of the year, which is why callers take it last, just before commit.
func (tx *Tx) NextInvoiceSequence(ctx context.Context, kind string, year int) (int, error) {
	pool, postgres, err := tx.fixedPool("invoice_counters")
	if err != nil {
		return 0, fmt.Errorf("invoice counter %s/%d: %w", kind, year, err)
	}
	var last int
	if err := pool.QueryRowContext(ctx, nextSequenceSQL[dialect(postgres)], kind, int64(year)).Scan(&last); err != nil {
		return 0, fmt.Errorf("invoice counter %s/%d: %w", kind, year, tx.translate(err))
	}
	if last < 1 {
		return 0, fmt.Errorf("invoice counter %s/%d: no number returned", kind, year)
	}
	return last, nil
}

// nextSequenceSQL is NextInvoiceSequence's upsert for SQLite and PostgreSQL, run on the
// transaction's connection without GORM (fixed_insert.go says why).
var nextSequenceSQL = [2]string{
	`INSERT INTO invoice_counters (kind, year, last) VALUES (?, ?, 1)
		ON CONFLICT (kind, year) DO UPDATE SET last = invoice_counters.last + 1 RETURNING last`,
	`INSERT INTO invoice_counters (kind, year, last) VALUES ($1, $2, 1)
		ON CONFLICT (kind, year) DO UPDATE SET last = invoice_counters.last + 1 RETURNING last`,
}

// CreateInvoice stores an issued document and fills in its ID, and its CreatedAt (the store's
// clock) and TaxTreatment (standard) when they are zero, as GORM's Create did. There is no
// update or delete: documents stay as issued.
func (tx *Tx) CreateInvoice(ctx context.Context, inv *model.Invoice) error {
	if inv.CreatedAt.IsZero() {
		inv.CreatedAt = tx.stamp()
	}
	if inv.TaxTreatment == "" {
		inv.TaxTreatment = model.TaxStandard // the column's default
	}
	id, err := invoiceInsert.insertReturning(ctx, tx, inv)
	if err != nil {
		return err
	}
	inv.ID = uint(id)
	return nil
}

// invoiceInsert is every column of model.Invoice but its id, which comes back.
var invoiceInsert = newFixedInsert("invoices", "id", true, "", []column[model.Invoice]{
	{"kind", func(i *model.Invoice) any { return i.Kind }},
	{"number", func(i *model.Invoice) any { return i.Number }},
	{"year", func(i *model.Invoice) any { return int64(i.Year) }},
	{"sequence", func(i *model.Invoice) any { return int64(i.Sequence) }},
	{"booking_id", func(i *model.Invoice) any { return int64(i.BookingID) }},
	{"booking_reference", func(i *model.Invoice) any { return i.BookingReference }},
	{"original_id", func(i *model.Invoice) any { return nullUint(i.OriginalID) }},
	{"original_number", func(i *model.Invoice) any { return i.OriginalNumber }},
	{"reason", func(i *model.Invoice) any { return i.Reason }},
	{"issued_at", func(i *model.Invoice) any { return i.IssuedAt }},
	{"service_start", func(i *model.Invoice) any { return i.ServiceStart }},
	{"service_end", func(i *model.Invoice) any { return i.ServiceEnd }},
	{"service_location", func(i *model.Invoice) any { return i.ServiceLocation }},
	{"buyer", func(i *model.Invoice) any { return jsonText{i.Buyer} }},
	{"seller", func(i *model.Invoice) any { return jsonText{i.Seller} }},
	{"lines", func(i *model.Invoice) any { return jsonText{i.Lines} }},
	{"net_cents", func(i *model.Invoice) any { return i.NetCents }},
	{"vat_cents", func(i *model.Invoice) any { return i.VATCents }},
	{"gross_cents", func(i *model.Invoice) any { return i.GrossCents }},
	{"vat_rate_bp", func(i *model.Invoice) any { return int64(i.VATRateBP) }},
	{"tax_treatment", func(i *model.Invoice) any { return string(i.TaxTreatment) }},
	{"currency", func(i *model.Invoice) any { return i.Currency }},
	{"language", func(i *model.Invoice) any { return i.Language }},
	{"payment_method", func(i *model.Invoice) any { return i.PaymentMethod }},
	{"payment_status", func(i *model.Invoice) any { return string(i.PaymentStatus) }},
	{"due_date", func(i *model.Invoice) any { return nullTime(i.DueDate) }},
	{"po_number", func(i *model.Invoice) any { return i.PONumber }},
	{"buyer_reference", func(i *model.Invoice) any { return i.BuyerReference }},
	{"created_at", func(i *model.Invoice) any { return i.CreatedAt }},
})

// InvoicesForBooking returns a booking's documents, oldest first.
func (q Reads) InvoicesForBooking(ctx context.Context, bookingID uint) ([]model.Invoice, error) {
	var out []model.Invoice
	err := q.db.WithContext(ctx).Where("booking_id = ?", bookingID).Order("id").Find(&out).Error
	return out, err
}

// InvoicesForBookings returns the documents of several bookings by booking id, each list oldest
// first: one query for a page of bookings.
func (q Reads) InvoicesForBookings(ctx context.Context, bookingIDs []uint) (map[uint][]model.Invoice, error) {
	out := map[uint][]model.Invoice{}
	if len(bookingIDs) == 0 {
		return out, nil
	}
	var docs []model.Invoice
	err := inChunks(bookingIDs, func(ids []uint) error { // a booking's documents all come in one part, in order
		var part []model.Invoice
		err := q.db.WithContext(ctx).Where("booking_id IN ?", ids).Order("id").Find(&part).Error
		docs = append(docs, part...)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		out[d.BookingID] = append(out[d.BookingID], d)
	}
	return out, nil
}

// InvoiceByNumber returns one document by its number.
func (q Reads) InvoiceByNumber(ctx context.Context, number string) (model.Invoice, error) {
	var inv model.Invoice
	err := q.db.WithContext(ctx).Where("number = ?", number).First(&inv).Error
	return inv, notFound(err, "invoice "+number)
}

// CreditedNetCents sums the (negative) net amounts of the credit notes against an invoice.
func (q Reads) CreditedNetCents(ctx context.Context, originalID uint) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Invoice{}).
		Where("original_id = ? AND kind = ?", originalID, model.InvoiceKindCreditNote).
		Select("COALESCE(SUM(net_cents), 0)").Scan(&n).Error
	return n, err
}
