package store

import (
	"context"
	"time"

	"seminars/internal/model"
)

// AddPayment appends a row to the payments ledger.
func (tx *Tx) AddPayment(ctx context.Context, p *model.Payment) error {
	p.CreatedAt = tx.stamp()
	p.PaidOn = model.CalendarDay(p.PaidOn)
	return tx.db.WithContext(ctx).Create(p).Error
}

// PaymentsForBooking returns a booking's ledger rows, oldest first.
func (q Reads) PaymentsForBooking(ctx context.Context, bookingID uint) ([]model.Payment, error) {
	var out []model.Payment
	err := q.db.WithContext(ctx).Where("booking_id = ?", bookingID).Order("id").Find(&out).Error
	return out, err
}

// PaymentsForBookings returns the ledger rows of several bookings by booking id.
func (q Reads) PaymentsForBookings(ctx context.Context, bookingIDs []uint) (map[uint][]model.Payment, error) {
	out := map[uint][]model.Payment{}
	if len(bookingIDs) == 0 {
		return out, nil
	}
	var rows []model.Payment
	err := inChunks(bookingIDs, func(ids []uint) error { // a booking's rows all come in one part, in order
		var part []model.Payment
		err := q.db.WithContext(ctx).Where("booking_id IN ?", ids).Order("id").Find(&part).Error
		rows = append(rows, part...)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range rows {
		out[p.BookingID] = append(out[p.BookingID], p)
	}
	return out, nil
}

// AccountOfBooking reads a booking's documents and ledger and works out its account.
func (q Reads) AccountOfBooking(ctx context.Context, bookingID uint) (model.Account, error) {
	docs, err := q.InvoicesForBooking(ctx, bookingID)
	if err != nil {
		return model.Account{}, err
	}
	ledger, err := q.PaymentsForBooking(ctx, bookingID)
	if err != nil {
		return model.Account{}, err
	}
	return model.AccountOf(docs, ledger), nil
}

// AccountsOfBookings is AccountOfBooking for a page of bookings: two queries, by booking id.
func (q Reads) AccountsOfBookings(ctx context.Context, bookingIDs []uint) (map[uint]model.Account, error) {
	docs, err := q.InvoicesForBookings(ctx, bookingIDs)
	if err != nil {
		return nil, err
	}
	ledger, err := q.PaymentsForBookings(ctx, bookingIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]model.Account, len(bookingIDs))
	for _, id := range bookingIDs {
		out[id] = model.AccountOf(docs[id], ledger[id])
	}
	return out, nil
}

// owedMinusReceived is, per booking row, what its documents ask for (credit notes are negative)
// minus what its ledger holds: above zero, the booker owes money (model.AccountOf's AmountDue).
const owedMinusReceived = `(SELECT COALESCE(SUM(i.gross_cents), 0) FROM invoices i WHERE i.booking_id = bookings.id)
 - (SELECT COALESCE(SUM(p.amount_cents), 0) FROM payments p WHERE p.booking_id = bookings.id)`

// OpenItemBookings lists every booking that still owes money — an unpaid or partly paid invoice,
// a cancellation fee still owed — oldest first. With overdueAt set, only those with an invoice
// whose due date lies before it.
func (q Reads) OpenItemBookings(ctx context.Context, overdueAt *time.Time, limit int) ([]model.Booking, error) {
	var out []model.Booking
	db := q.db.WithContext(ctx).Preload("Date.Seminar").Where(owedMinusReceived + " > 0")
	if overdueAt != nil {
		db = db.Where("EXISTS (SELECT 1 FROM invoices d WHERE d.booking_id = bookings.id AND d.kind = ? AND d.due_date < ?)",
			model.InvoiceKindInvoice, *overdueAt)
	}
	err := db.Order("created_at, id").Limit(limit).Find(&out).Error
	return out, err
}

// OpenItems is the sum of what bookings owe: how many owe anything, how much in all, and how
// many of them are past their invoice's due date.
type OpenItems struct {
	Count, Overdue int64
	DueCents       int64
}

// CountOpenItems adds up the open items (OpenItemBookings) at now, in one pass over the
// documents grouped by booking (the bookings table is not read): a booking without documents
// owes nothing, so only bookings with documents can be open. Per booking it is two index
// look-ups fewer than testing every booking row.
func (q Reads) CountOpenItems(ctx context.Context, now time.Time) (OpenItems, error) {
	var out OpenItems
	err := q.db.WithContext(ctx).Raw(`SELECT COUNT(*) AS count, COALESCE(SUM(due), 0) AS due_cents, COALESCE(SUM(overdue), 0) AS overdue
		FROM (SELECT i.booking_id,
				SUM(i.gross_cents) - COALESCE((SELECT SUM(p.amount_cents) FROM payments p WHERE p.booking_id = i.booking_id), 0) AS due,
				MAX(CASE WHEN i.kind = ? AND i.due_date < ? THEN 1 ELSE 0 END) AS overdue
			FROM invoices i GROUP BY i.booking_id) per_booking
		WHERE due > 0`, model.InvoiceKindInvoice, now.UTC()).Scan(&out).Error
	return out, err
}
