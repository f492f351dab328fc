package booking

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Who changes a booking's attendees decides the rules: the booker (until the substitution
// deadline, under the cancellation policy, not on a card booking's price), staff under the
// policy (until the date starts), or an owner without a fee.
type ChangeBy int

// The three ways an attendee is added or cancelled.
const (
	ByBooker ChangeBy = iota
	ByStaff
	ByStaffWithoutFee
)

// Reasons an attendee cannot be added or cancelled, as validation errors keyed by the form field
// the page shows them at; the message keys are in the attendees locale files.
var (
	ErrAttendeeClosed  = &model.ValidationError{Fields: map[string]string{"attendee": "attendee.error.closed"}}
	ErrAttendeeLast    = &model.ValidationError{Fields: map[string]string{"attendee_id": "attendee.error.last"}}
	ErrAttendeePending = &model.ValidationError{Fields: map[string]string{"attendee": "attendee.error.pending"}}
	ErrAttendeeCard    = &model.ValidationError{Fields: map[string]string{"attendee": "attendee.error.card"}}
	ErrAttendeeMax     = &model.ValidationError{Fields: map[string]string{"attendee": "attendee.error.max"}}
	errDuplicateEmail  = &model.ValidationError{Fields: map[string]string{"email": "error.duplicate_email"}}
	errNoSuchAttendee  = &model.ValidationError{Fields: map[string]string{"attendee_id": "error.required"}}
)

// AttendeeChange is what adding or cancelling one attendee did: the booking before and after
// (after carries the new totals), the person added or cancelled, the gross fee kept for a
// cancelled seat, and the corrected documents.
type AttendeeChange struct {
	Before, After model.Booking
	Attendee      model.Attendee
	FeeCents      int64
	Correction    Corrected
}

// AddAttendeeByBooker adds a person to a booking through its manage link (AddAttendeeInTx with
// ByBooker), audited as the booker, in one transaction.
func (s *Service) AddAttendeeByBooker(ctx context.Context, reference, token string, in AttendeeInput) (AttendeeChange, error) {
	b, err := s.Lookup(ctx, reference, token)
	if err != nil {
		return AttendeeChange{}, err
	}
	var ch AttendeeChange
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if ch, err = s.AddAttendeeInTx(ctx, tx, b.Reference, in, ByBooker); err != nil {
			return err
		}
		return s.auditBooker(ctx, tx, model.AuditAttendeeAdded, ch, AttendeeChangeDetail(ch))
	})
	return ch, err
}

// CancelAttendeeByBooker cancels one attendee through the manage link (CancelAttendeeInTx with
// ByBooker), audited as the booker, in one transaction.
func (s *Service) CancelAttendeeByBooker(ctx context.Context, reference, token string, attendeeID uint) (AttendeeChange, error) {
	b, err := s.Lookup(ctx, reference, token)
	if err != nil {
		return AttendeeChange{}, err
	}
	var ch AttendeeChange
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if ch, err = s.CancelAttendeeInTx(ctx, tx, b.Reference, attendeeID, ByBooker); err != nil {
			return err
		}
		return s.auditBooker(ctx, tx, model.AuditAttendeeCancelled, ch, AttendeeChangeDetail(ch))
	})
	return ch, err
}

func (s *Service) auditBooker(ctx context.Context, tx *store.Tx, action string, ch AttendeeChange, detail string) error {
	return tx.AddAudit(ctx, &model.AuditEntry{CreatedAt: s.now().UTC(), Actor: "booker " + ch.Before.Billing.Email,
		Action: action, Subject: "booking " + ch.Before.Reference, Detail: detail})
}

// AttendeeChangeDetail is the audit entry's detail of an attendee change: who, seats, totals,
// fee and the documents issued.
func AttendeeChangeDetail(ch AttendeeChange) string {
	d := fmt.Sprintf("%s <%s>; seats: %d → %d; gross: %d → %d", ch.Attendee.FullName(), ch.Attendee.Email,
		ch.Before.Seats, ch.After.Seats, ch.Before.GrossCents, ch.After.GrossCents)
	if ch.FeeCents > 0 {
		d += fmt.Sprintf("; fee: %d", ch.FeeCents)
	}
	if c := ch.Correction; c.Invoice.ID != 0 {
		d += fmt.Sprintf("; %s cancels %s, new invoice %s", c.CreditNote.Number, c.CreditNote.OriginalNumber, c.Invoice.Number)
	}
	return d
}

// AddAttendeeInTx adds one person to a confirmed booking in tx: the seat is taken with the
// conditional update of booking creation (a *model.SoldOutError when the date is full, and
// nothing changes), at the booked unit price (a percentage voucher covers the new seat too), the
// invoice is corrected (credit note and new invoice, one mail to the billing contact) and the
// new attendee gets their own confirmation with the invite. The booker may add until the
// substitution deadline and not to a booking paid by card (the difference would need a second
// card payment: they book the person separately); staff may add until the date starts, and on a
// card booking the difference becomes an open item of the new invoice.
func (s *Service) AddAttendeeInTx(ctx context.Context, tx *store.Tx, reference string, in AttendeeInput, by ChangeBy) (AttendeeChange, error) {
	a := model.Attendee{FirstName: strings.TrimSpace(in.FirstName), LastName: strings.TrimSpace(in.LastName),
		Email: strings.ToLower(strings.TrimSpace(in.Email))}
	b, err := s.lockForAttendeeChange(ctx, tx, reference, by)
	if err != nil {
		return AttendeeChange{}, err
	}
	if by == ByBooker && b.PaymentMethod == model.PaymentCard {
		return AttendeeChange{}, ErrAttendeeCard
	}
	if s.settings.MaxAttendees > 0 && b.Seats >= s.settings.MaxAttendees {
		return AttendeeChange{}, ErrAttendeeMax
	}
	for _, other := range b.Attendees {
		if other.Email == a.Email {
			return AttendeeChange{}, errDuplicateEmail
		}
	}
	if err := tx.TakeSeats(ctx, b.DateID, 1); err != nil {
		return AttendeeChange{}, err
	}
	a.BookingID = b.ID
	if err := tx.AddAttendee(ctx, &a); err != nil {
		return AttendeeChange{}, err
	}
	// The booker's or staff's answers for the new person (not the sensitive ones: the attendee
	// gives those on their page), checked by the form layer like at booking.
	if err := saveBookerAnswers(ctx, tx, b.Date.SeminarID, []model.Attendee{a}, []AttendeeInput{in}); err != nil {
		return AttendeeChange{}, err
	}
	after := b
	after.Attendees = append(append([]model.Attendee(nil), b.Attendees...), a)
	after.Seats = b.Seats + 1
	after.RegroupFor(after.Seats)
	if after.DiscountCents, err = s.discountFor(ctx, tx, b, after.Seats); err != nil {
		return AttendeeChange{}, err
	}
	if after.PaymentStatus == model.PaymentPaid {
		// The paid amount no longer covers the booking: the new invoice states the rest as due.
		after.PaymentStatus = model.PaymentPartiallyPaid
	}
	c, err := s.CorrectInTx(ctx, tx, after, Correction{What: model.CorrectionAttendeeAdded, Name: a.FullName()})
	if err != nil {
		return AttendeeChange{}, err
	}
	if err := s.followAccount(ctx, tx, &c.Booking); err != nil {
		return AttendeeChange{}, err
	}
	err = Notify(ctx, tx, fmt.Sprintf("%s:add:%d", b.Reference, a.ID), model.EventPayload{
		Event: model.EventAttendeeAdded, BookingID: b.ID, AttendeeID: a.ID, DateID: b.DateID,
	})
	return AttendeeChange{Before: b, After: c.Booking, Attendee: a, Correction: c}, err
}

// CancelAttendeeInTx cancels one attendee of a confirmed booking in tx: the seat goes back, the
// cancellation policy's fee for that seat (none ByStaffWithoutFee) stays owed as a line of the
// new invoice, the invoice is corrected (credit note and new invoice; money paid beyond the new
// invoice goes back the way refunds go: Stripe, or the manual-refund item), the billing contact
// gets the one correction mail and the cancelled person a notice that takes the date out of
// their calendar. The last attendee cannot be cancelled this way: that is cancelling the booking
// (ErrAttendeeLast). The booker may cancel until the date starts.
func (s *Service) CancelAttendeeInTx(ctx context.Context, tx *store.Tx, reference string, attendeeID uint, by ChangeBy) (AttendeeChange, error) {
	b, err := s.lockForAttendeeChange(ctx, tx, reference, by)
	if err != nil {
		return AttendeeChange{}, err
	}
	var gone *model.Attendee
	var staying []model.Attendee
	for i, a := range b.Attendees {
		if a.ID == attendeeID {
			gone = &b.Attendees[i]
		} else {
			staying = append(staying, a)
		}
	}
	if gone == nil {
		return AttendeeChange{}, errNoSuchAttendee
	}
	if len(b.Attendees) == 1 {
		return AttendeeChange{}, ErrAttendeeLast
	}
	after := b
	after.Attendees, after.Seats = staying, b.Seats-1
	after.RegroupFor(after.Seats)
	if after.DiscountCents, err = s.discountFor(ctx, tx, b, after.Seats); err != nil {
		return AttendeeChange{}, err
	}
	fee := int64(0)
	if by != ByStaffWithoutFee {
		fee = s.AttendeeCancellationFee(b)
		after.CancellationFeesNetCents += b.Tax().NetOfGross(fee)
	}
	if err := tx.ReleaseSeats(ctx, b.DateID, 1); err != nil {
		return AttendeeChange{}, err
	}
	if err := tx.RemoveAttendee(ctx, b.ID, gone.ID); err != nil {
		return AttendeeChange{}, err
	}
	c, err := s.CorrectInTx(ctx, tx, after, Correction{What: model.CorrectionAttendeeCancelled, Name: gone.FullName(), FeeCents: fee})
	if err != nil {
		return AttendeeChange{}, err
	}
	if err := s.followAccount(ctx, tx, &c.Booking); err != nil {
		return AttendeeChange{}, err
	}
	err = Notify(ctx, tx, fmt.Sprintf("%s:cancel:%d", b.Reference, gone.ID), model.EventPayload{
		Event: model.EventAttendeeCancelled, BookingID: b.ID, AttendeeID: gone.ID, DateID: b.DateID,
		OldEmail: gone.Email, OldName: gone.FullName(),
	})
	return AttendeeChange{Before: b, After: c.Booking, Attendee: *gone, FeeCents: fee, Correction: c}, err
}

// AttendeeCancellationFee is the gross fee the cancellation policy keeps, at the service's
// current time, for one seat of b: the policy applied to what the seat adds to the booking's
// gross amount (its unit price less its share of the discount, taxed as the booking).
func (s *Service) AttendeeCancellationFee(b model.Booking) int64 {
	if b.Date == nil || b.Seats < 2 {
		return 0
	}
	rest := b
	rest.Seats = b.Seats - 1
	rest.RegroupFor(rest.Seats)
	rest.DiscountCents = b.DiscountCents - b.DiscountCents/int64(b.Seats)
	seat := b.GrossCents - b.Tax().Totals(rest.ChargedNetCents()).GrossCents
	return s.settings.Cancellation.Fee(max(seat, 0), b.Date.StartsAt, s.now())
}

// AttendeeChangeOpen tells whether the manage page offers adding and cancelling attendees: while
// the booking is confirmed and before the substitution deadline.
func (s *Service) AttendeeChangeOpen(b model.Booking) bool {
	return b.Status == model.BookingConfirmed && b.Date != nil && !b.Date.FlatPrice() &&
		model.SubstitutionOpen(b, *b.Date, s.now(), s.settings.SubstitutionDeadline)
}

// lockForAttendeeChange locks a booking and checks that who may change its attendees now.
func (s *Service) lockForAttendeeChange(ctx context.Context, tx *store.Tx, reference string, by ChangeBy) (model.Booking, error) {
	b, err := tx.LockBooking(ctx, strings.ToUpper(strings.TrimSpace(reference)))
	if err != nil {
		return model.Booking{}, err
	}
	if b.Status == model.BookingPendingPayment {
		return model.Booking{}, ErrAttendeePending
	}
	deadline := s.settings.SubstitutionDeadline
	if by != ByBooker {
		deadline = 0 // staff: until the date starts
	}
	// A flat-price in-house booking costs the same however many attend, so the offer fixed its
	// attendees' number; replacing one (substitute) stays open.
	if b.Status != model.BookingConfirmed || b.Date == nil || b.Date.Status == model.DateCancelled || b.Date.FlatPrice() ||
		!model.SubstitutionOpen(b, *b.Date, s.now(), deadline) {
		return model.Booking{}, ErrAttendeeClosed
	}
	return b, nil
}

// discountFor is b's voucher discount for a new number of seats: a percentage voucher applies to
// the new net total after the group discount (model.PriceQuote's order), a fixed one stays as it
// was (at most that total); without the voucher's record the discount is shared out per seat, as a
// moved attendee takes their share.
func (s *Service) discountFor(ctx context.Context, tx *store.Tx, b model.Booking, seats int) (int64, error) {
	if b.DiscountCents == 0 {
		return 0, nil
	}
	base := b.UnitNetCents*int64(seats) - b.GroupRule().Discount(b.UnitNetCents, seats)
	if b.VoucherCode != "" {
		v, err := tx.VoucherByCode(ctx, b.VoucherCode)
		switch {
		case err == nil && v.Kind == model.VoucherPercent:
			return v.Discount(base), nil
		case err == nil:
			return min(b.DiscountCents, base), nil
		case !errors.Is(err, model.ErrNotFound):
			return 0, err
		}
	}
	share := b.DiscountCents / int64(b.Seats)
	return min(max(b.DiscountCents+share*int64(seats-b.Seats), 0), base), nil
}

// followAccount sets a booking's payment status to what its account says after a correction of
// a booking that had received money (paid → partially paid after one attendee more, overpaid
// until the refund after one less); an unpaid booking stays unpaid.
func (s *Service) followAccount(ctx context.Context, tx *store.Tx, b *model.Booking) error {
	account, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	if account.ReceivedCents == 0 {
		b.PaymentStatus = model.PaymentUnpaid
	} else {
		b.PaymentStatus = account.Status
	}
	return tx.SaveBookingPayment(ctx, b)
}
