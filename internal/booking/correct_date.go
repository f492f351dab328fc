package booking

import (
	"context"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// ServiceChanged tells whether a date's change alters what its bookings' invoices state: the
// service day (on the seller's calendar) or the format, which decides the tax. A new start time
// on the same day, a new room or link, changes no invoice.
func (s *Service) ServiceChanged(old, changed model.SeminarDate) bool {
	zone := s.settings.Seller.Zone()
	day := func(t time.Time) string { return t.In(zone).Format("2006-01-02") }
	return day(old.StartsAt) != day(changed.StartsAt) || day(old.EndsAt) != day(changed.EndsAt) || old.Format != changed.Format
}

// CorrectDateInTx corrects the invoice of every booking holding seats on a date whose service
// day or format the trainer changed (ServiceChanged), in the transaction that changed it: each
// gets a credit note, a new invoice with the new service date (and the tax decided again) and
// the correction mail. It returns the ids of the bookings whose invoice it corrected, whose
// billing contacts therefore already hear about the change.
func (s *Service) CorrectDateInTx(ctx context.Context, tx *store.Tx, dateID uint) (map[uint]bool, error) {
	bookings, err := tx.BookingsOfDate(ctx, dateID)
	if err != nil {
		return nil, err
	}
	corrected := map[uint]bool{}
	for _, listed := range bookings {
		b, err := tx.LockBooking(ctx, listed.Reference)
		if err != nil {
			return nil, err
		}
		c, err := s.CorrectInTx(ctx, tx, b, Correction{What: model.CorrectionDate})
		if err != nil {
			return nil, err
		}
		if c.Invoice.ID != 0 {
			corrected[b.ID] = true
		}
	}
	return corrected, nil
}
