package booking

import (
	"context"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
)

// issueInvoice issues the invoice of a booking that is confirmed, in the transaction that
// confirmed it, so a confirmed booking never lacks its invoice and a failed confirmation never
// uses up a number. A booking still waiting for payment gets its invoice when it is paid.
func (s *Service) issueInvoice(ctx context.Context, tx *store.Tx, b *model.Booking, date model.SeminarDate, now time.Time) error {
	if b.Status != model.BookingConfirmed {
		return nil
	}
	withDate := *b
	withDate.Date = &date
	_, err := invoice.Issue(ctx, tx, withDate, s.settings.Seller, now)
	return err
}
