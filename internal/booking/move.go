package booking

import (
	"context"
	"fmt"
	"strings"

	"seminars/internal/model"
	"seminars/internal/store"
)

// ErrOtherSeminar says a booking can only move to another date of the same seminar.
var ErrOtherSeminar = &model.ValidationError{Fields: map[string]string{"date": "admin.move.error.other_seminar"}}

// Moved is what a move did: the booking before and after it (after carries the corrected
// documents), and for a single attendee the new booking on the target date.
type Moved struct {
	Before, After model.Booking
	Correction    Corrected
	// Split is the booking the moved attendee now has on the target date, with SplitToken the
	// secret of its manage link; zero when the whole booking moved.
	Split      model.Booking
	SplitToken string
}

// MoveInTx moves a booking with all its attendees to another date of the same seminar in tx:
// the seats are taken on the new date with the conditional update (or a *model.SoldOutError,
// and nothing changes) and given back on the old one, every attendee gets the new invite and the
// old one cancelled, and the invoice is corrected (CorrectInTx): the booked unit price stays,
// the tax is decided again for the new date's format. The caller offers the freed seats to the
// old date's waiting list and writes its audit entry in the same transaction.
func (s *Service) MoveInTx(ctx context.Context, tx *store.Tx, reference string, toDateID uint) (Moved, error) {
	b, to, err := s.lockForMove(ctx, tx, reference, toDateID)
	if err != nil {
		return Moved{}, err
	}
	from := b.DateID
	if err := tx.TakeSeats(ctx, to.ID, b.Seats); err != nil {
		return Moved{}, err
	}
	if err := tx.ReleaseSeats(ctx, from, b.Seats); err != nil {
		return Moved{}, err
	}
	if err := tx.MoveBookingDate(ctx, b.ID, from, to.ID); err != nil {
		return Moved{}, err
	}
	after := b
	after.DateID, after.Date = to.ID, &to
	c, err := s.CorrectInTx(ctx, tx, after, Correction{What: model.CorrectionDate, FromDateID: from})
	if err != nil {
		return Moved{}, err
	}
	// The correction mail (new date, attendees, documents) is the billing contact's one message
	// about the move; without an invoice to correct, the move notice is.
	err = s.notifyMoved(ctx, tx, b.ID, b.Attendees, from, to.ID, c.Invoice.ID != 0)
	return Moved{Before: b, After: c.Booking, Correction: c}, err
}

// MoveAttendeeInTx moves one attendee of a booking to another date of the same seminar in tx:
// the attendee gets a booking of their own on the target date (same billing data, the booked
// unit price, a share of the discount, its own invoice and manage link, to be paid by invoice),
// and the original booking is corrected for the attendees who stay (credit note and new
// invoice). A booking of one attendee moves as a whole (MoveInTx).
func (s *Service) MoveAttendeeInTx(ctx context.Context, tx *store.Tx, reference string, attendeeID, toDateID uint) (Moved, error) {
	b, to, err := s.lockForMove(ctx, tx, reference, toDateID)
	if err != nil {
		return Moved{}, err
	}
	var moving *model.Attendee
	var staying []model.Attendee
	for i, a := range b.Attendees {
		if a.ID == attendeeID {
			moving = &b.Attendees[i]
		} else {
			staying = append(staying, a)
		}
	}
	if moving == nil {
		return Moved{}, fmt.Errorf("attendee %d of booking %s: %w", attendeeID, b.Reference, model.ErrNotFound)
	}
	if len(b.Attendees) == 1 {
		return s.MoveInTx(ctx, tx, reference, toDateID)
	}
	if err := tx.TakeSeats(ctx, to.ID, 1); err != nil {
		return Moved{}, err
	}
	if err := tx.ReleaseSeats(ctx, b.DateID, 1); err != nil {
		return Moved{}, err
	}
	split, token, err := s.splitOff(ctx, tx, b, *moving, to)
	if err != nil {
		return Moved{}, err
	}
	// The split booking's confirmation already tells the billing contact who moved where.
	if err := s.notifyMoved(ctx, tx, split.ID, []model.Attendee{*moving}, b.DateID, to.ID, true); err != nil {
		return Moved{}, err
	}
	rest := b
	rest.Attendees, rest.Seats, rest.DiscountCents = staying, b.Seats-1, b.DiscountCents-split.DiscountCents
	rest.RegroupFor(rest.Seats) // the group discount follows the seats that stay, by the booking's rule
	c, err := s.CorrectInTx(ctx, tx, rest, Correction{What: model.CorrectionAttendees})
	return Moved{Before: b, After: c.Booking, Correction: c, Split: split, SplitToken: token}, err
}

// splitOff creates the moved attendee's own booking on date to, confirmed, with its invoice
// and the confirmation (manage link and invoice) to the billing contact.
func (s *Service) splitOff(ctx context.Context, tx *store.Tx, b model.Booking, a model.Attendee, to model.SeminarDate) (model.Booking, string, error) {
	reference, err := newReference()
	if err != nil {
		return model.Booking{}, "", err
	}
	tax, err := s.taxOf(to, b.Billing)
	if err != nil {
		return model.Booking{}, "", err
	}
	now := s.now().UTC()
	n := model.Booking{
		Reference: reference, DateID: to.ID, Status: model.BookingConfirmed, ConfirmedAt: &now,
		PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Billing: b.Billing, Language: b.Language,
		Seats: 1, UnitNetCents: b.UnitNetCents, DiscountCents: b.DiscountCents / int64(b.Seats), // its share, rounded down
		TaxTreatment: tax.Treatment, VATRateBP: tax.RateBP, VoucherCode: b.VoucherCode,
		GroupFromSeat: b.GroupFromSeat, GroupPercentBP: b.GroupPercentBP, // one seat: no group discount
	}
	totals := tax.Totals(n.ChargedNetCents())
	n.NetCents, n.VATCents, n.GrossCents = totals.NetCents, totals.VATCents, totals.GrossCents
	random, err := s.firstManageLink(&n)
	if err != nil {
		return model.Booking{}, "", err
	}
	if err := tx.CreateBooking(ctx, &n); err != nil {
		return model.Booking{}, "", err
	}
	token := s.manageToken(n, random)
	if err := tx.MoveAttendeeToBooking(ctx, a.ID, b.ID, n.ID); err != nil {
		return model.Booking{}, "", err
	}
	if err := s.IssueInvoice(ctx, tx, n.Reference, now); err != nil {
		return model.Booking{}, "", err
	}
	// The billing contact's confirmation only: the attendee is told by the move notice.
	err = Notify(ctx, tx, n.Reference, model.EventPayload{Event: model.EventBookingConfirmed, BookingID: n.ID,
		Extra: model.EventExtra{ManageToken: token, BillingOnly: true}})
	if err != nil {
		return model.Booking{}, "", err
	}
	stored, err := tx.BookingByReference(ctx, n.Reference)
	return stored, token, err
}

// lockForMove locks a booking and checks that it may move to the date: it holds seats, the
// date is another one of the same seminar, and it still takes bookings.
func (s *Service) lockForMove(ctx context.Context, tx *store.Tx, reference string, toDateID uint) (model.Booking, model.SeminarDate, error) {
	b, err := tx.LockBooking(ctx, strings.ToUpper(strings.TrimSpace(reference)))
	if err != nil {
		return model.Booking{}, model.SeminarDate{}, err
	}
	if !model.HoldsSeats(b.Status) {
		return model.Booking{}, model.SeminarDate{}, fmt.Errorf("move %s (%s): %w", b.Reference, b.Status, model.ErrInvalidTransition)
	}
	to, err := tx.DateByID(ctx, toDateID)
	if err != nil {
		return model.Booking{}, model.SeminarDate{}, err
	}
	if to.SeminarID != b.Date.SeminarID || to.ID == b.DateID {
		return model.Booking{}, model.SeminarDate{}, ErrOtherSeminar
	}
	// An in-house date was agreed in its offer at its own price: nobody moves onto or off it.
	if to.Status == model.DateCancelled || !to.StartsAt.After(s.now()) || to.Unlisted || b.Date.Unlisted {
		return model.Booking{}, model.SeminarDate{}, fmt.Errorf("move %s to date %d: %w", b.Reference, to.ID, model.ErrNotBookable)
	}
	return b, to, nil
}

// notifyMoved records one event for a move: each moved attendee gets their new invite and the
// old one cancelled, the billing contact (unless attendeesOnly) one message naming them all —
// never one per attendee.
func (s *Service) notifyMoved(ctx context.Context, tx *store.Tx, bookingID uint, attendees []model.Attendee, from, to uint, attendeesOnly bool) error {
	ids := make([]uint, len(attendees))
	for i, a := range attendees {
		ids[i] = a.ID
	}
	return Notify(ctx, tx, fmt.Sprintf("%d:%d:%d:%d", bookingID, from, to, s.now().UnixNano()), model.EventPayload{
		Event: model.EventAttendeeMoved, BookingID: bookingID, DateID: to,
		Extra: model.EventExtra{FromDateID: from, AttendeeIDs: model.NewIDList(ids...), AttendeesOnly: attendeesOnly},
	})
}
