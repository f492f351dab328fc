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
	var last int
	err := tx.db.WithContext(ctx).Raw(`INSERT INTO invoice_counters (kind, year, last) VALUES (?, ?, 1)
		ON CONFLICT (kind, year) DO UPDATE SET last = invoice_counters.last + 1 RETURNING last`, kind, year).Scan(&last).Error
	if err != nil {
		return 0, fmt.Errorf("invoice counter %s/%d: %w", kind, year, err)
	}
	if last < 1 {
		return 0, fmt.Errorf("invoice counter %s/%d: no number returned", kind, year)
	}
	return last, nil
}

// CreateInvoice stores an issued document. There is no update or delete: documents stay as issued.
func (tx *Tx) CreateInvoice(ctx context.Context, inv *model.Invoice) error {
	return tx.db.WithContext(ctx).Create(inv).Error
}

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
