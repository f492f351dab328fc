package booking

import (
	"context"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
)

// IssueInvoice issues the invoice of a confirmed booking inside tx — the transaction that
// confirmed it (invoice booking reserved, or card payment arrived) — so a confirmed booking
// never lacks its invoice and a failed confirmation never uses up a number. It reads the booking
// as tx sees it, so call it after saving the new status. A booking that is not confirmed gets
// nothing; one that already has its invoice keeps it.
func (s *Service) IssueInvoice(ctx context.Context, tx *store.Tx, reference string, now time.Time) error {
	b, err := tx.BookingByReference(ctx, reference)
	if err != nil {
		return err
	}
	if b.Status != model.BookingConfirmed {
		return nil
	}
	_, err = invoice.Issue(ctx, tx, b, s.settings.Seller, now)
	return err
}

// takeSeatsAndInvoice takes the seats of a booking reserveOnce has just stored in tx and, for a
// confirmed one, issues its invoice from the booking and its date as they are in memory
// (IssueInvoice would read the booking back with three preloads and look for documents it
// cannot have yet) and enqueues the confirmation mail with the invoice's render job. The date's
// row and the invoice counter are the hot rows on PostgreSQL, locked until commit, so this runs
// last in the transaction, and a confirmed booking takes both in one statement
// (store.Tx.IssueDocument). A booking that is not confirmed (a card hold) takes only the seats.
func (s *Service) takeSeatsAndInvoice(ctx context.Context, tx *store.Tx, b model.Booking, date model.SeminarDate, now time.Time, confirmation store.JSONItem) error {
	if b.Status != model.BookingConfirmed {
		return tx.TakeSeats(ctx, date.ID, b.Seats)
	}
	b.Date = &date
	_, err := invoice.IssueNewTakingSeats(ctx, tx, b, s.settings.Seller, now, confirmation)
	return err
}

// CreditCancellation issues the credit note (Stornorechnung) for a cancelled booking inside the
// cancelling transaction. creditGrossCents is what the booker no longer owes: the whole gross
// amount when the trainer cancels or cancelling is free, the gross amount less the fee otherwise.
// A booking without an invoice (an unpaid card hold) needs none.
func (s *Service) CreditCancellation(ctx context.Context, tx *store.Tx, bookingID uint, creditGrossCents int64, reason string, now time.Time) error {
	docs, err := tx.InvoicesForBooking(ctx, bookingID)
	if err != nil {
		return err
	}
	current, credited, ok := model.CurrentInvoice(docs)
	original := &current
	if !ok {
		original = nil
	}
	if original == nil || creditGrossCents <= 0 {
		return nil
	}
	net := min(original.Tax().NetOfGross(creditGrossCents), original.NetCents-credited)
	if creditGrossCents >= original.GrossCents {
		net = original.NetCents - credited // all of it: mirror the invoice exactly, no rounding
	}
	if net <= 0 {
		return nil
	}
	_, err = invoice.IssueCreditNote(ctx, tx, *original, net, reason, now.In(s.settings.Seller.Zone()))
	return err
}
