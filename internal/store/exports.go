package store

import (
	"context"
	"strings"
	"time"

	"seminars/internal/model"
)

// InvoicesIssuedBetween returns the invoices and credit notes issued in [from, to), oldest first
// (by issue time, then number), for the accountant's export and the admin API's list.
func (q Reads) InvoicesIssuedBetween(ctx context.Context, from, to time.Time) ([]model.Invoice, error) {
	var out []model.Invoice
	err := q.db.WithContext(ctx).Where("issued_at >= ? AND issued_at < ?", from.UTC(), to.UTC()).
		Order("issued_at, number").Find(&out).Error
	return out, err
}

// InvoicesIssuedBefore returns every invoice and credit note issued before to, oldest first: the
// candidates of an export by payment date, whose payment may come long after the document.
func (q Reads) InvoicesIssuedBefore(ctx context.Context, to time.Time) ([]model.Invoice, error) {
	var out []model.Invoice
	err := q.db.WithContext(ctx).Where("issued_at < ?", to.UTC()).Order("issued_at, number").Find(&out).Error
	return out, err
}

// IssuedDocumentsFor returns the stored files of the given invoices, by invoice id and then kind.
func (q Reads) IssuedDocumentsFor(ctx context.Context, invoiceIDs []uint) (map[uint]map[string]model.IssuedDocument, error) {
	out := make(map[uint]map[string]model.IssuedDocument, len(invoiceIDs))
	for start := 0; start < len(invoiceIDs); start += 500 { // stay far below any bind-parameter limit
		end := min(start+500, len(invoiceIDs))
		var docs []model.IssuedDocument
		if err := q.db.WithContext(ctx).Where("invoice_id IN ?", invoiceIDs[start:end]).Find(&docs).Error; err != nil {
			return nil, err
		}
		for _, d := range docs {
			if out[d.InvoiceID] == nil {
				out[d.InvoiceID] = map[string]model.IssuedDocument{}
			}
			out[d.InvoiceID][d.Kind] = d
		}
	}
	return out, nil
}

// BookingsPaidAt tells when each of the given bookings was paid, for exports by payment date.
// A card booking was paid when Stripe confirmed it; an invoice booking when staff marked it paid
// (the audit entry of that change). Bookings not paid are missing from the map.
func (q Reads) BookingsPaidAt(ctx context.Context, bookingIDs []uint) (map[uint]time.Time, error) {
	out := map[uint]time.Time{}
	if len(bookingIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		ID            uint
		Reference     string
		PaymentMethod string
		PaymentStatus model.PaymentStatus
		ConfirmedAt   *time.Time
	}
	err := q.db.WithContext(ctx).Model(&model.Booking{}).
		Select("id, reference, payment_method, payment_status, confirmed_at").
		Where("id IN ?", bookingIDs).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	byRef := map[string]uint{}
	var subjects []string
	for _, r := range rows {
		if r.PaymentStatus == model.PaymentUnpaid {
			continue
		}
		if r.PaymentMethod == model.PaymentCard && r.ConfirmedAt != nil {
			out[r.ID] = *r.ConfirmedAt
			continue
		}
		byRef[r.Reference] = r.ID
		subjects = append(subjects, "booking "+r.Reference)
	}
	if len(subjects) == 0 {
		return out, nil
	}
	var marks []model.AuditEntry
	err = q.db.WithContext(ctx).Where("action = ? AND subject IN ?", model.AuditBookingPaid, subjects).
		Order("created_at").Find(&marks).Error
	if err != nil {
		return nil, err
	}
	for _, m := range marks {
		id := byRef[strings.TrimPrefix(m.Subject, "booking ")]
		if _, seen := out[id]; !seen {
			out[id] = m.CreatedAt
		}
	}
	return out, nil
}
