package backoffice

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Money is a booking as the back office shows it after a payment: the booking and its account.
type Money struct {
	Booking model.Booking
	Account model.Account
}

// RecordPayment adds a payment an owner received (or, negative, paid back) to a booking's
// ledger, in one transaction with its audit entry and whatever the payment sets off (a refund
// item for an overpayment, the "payment received" mail when it settles the booking). Input that
// breaks a rule, or a payout beyond what is refundable, is a *model.ValidationError and changes
// nothing. Pending card holds take no manual payments (their money comes through Stripe).
func (s *Service) RecordPayment(ctx context.Context, actor, reference string, in model.PaymentInput) (Money, error) {
	p, err := in.Check(s.today())
	if err != nil {
		return Money{}, err
	}
	var out Money
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		if b.Status == model.BookingPendingPayment {
			return fmt.Errorf("booking %s waits for its card payment: %w", b.Reference, model.ErrInvalidTransition)
		}
		before, err := tx.AccountOfBooking(ctx, b.ID)
		if err != nil {
			return err
		}
		if p.AmountCents < 0 && -p.AmountCents > before.AmountRefundable {
			return &model.ValidationError{Fields: map[string]string{"amount_cents": "payment.error.payout_too_large"}}
		}
		p.RecordedBy = actor
		after, err := s.bookings.RecordPaymentInTx(ctx, tx, &b, p)
		if err != nil {
			return err
		}
		out = Money{Booking: b, Account: after}
		detail := fmt.Sprintf("amount_cents: %d; method: %s; paid_on: %s; amount_due_cents: %d → %d; amount_refundable_cents: %d → %d",
			p.AmountCents, p.Method, p.PaidOn.Format("2006-01-02"), before.AmountDue, after.AmountDue, before.AmountRefundable, after.AmountRefundable)
		return s.audit(ctx, tx, actor, model.AuditPaymentRecorded, "booking "+b.Reference, detail)
	})
	return out, err
}

// MarkPaid records that what a booking owes arrived by bank transfer today: a payment of
// exactly its amount due, whether that is an open invoice or a fee still owed after a
// cancellation. A booking that owes nothing is model.ErrInvalidTransition. The booking is
// locked, so a cancellation by the booker in between is seen: the amount is what is due after it.
func (s *Service) MarkPaid(ctx context.Context, actor, reference string) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		before, err := tx.AccountOfBooking(ctx, b.ID)
		if err != nil {
			return err
		}
		if before.AmountDue == 0 || b.Status == model.BookingPendingPayment {
			return fmt.Errorf("booking %s (%s, %s, %s) owes nothing to mark paid: %w", b.Reference, b.PaymentMethod, b.Status, b.PaymentStatus, model.ErrInvalidTransition)
		}
		old := b.PaymentStatus
		p := model.Payment{AmountCents: before.AmountDue, Method: model.LedgerBankTransfer, PaidOn: s.today(), RecordedBy: actor, Note: "marked paid"}
		after, err := s.bookings.RecordPaymentInTx(ctx, tx, &b, p)
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("payment_status: %s → %s; amount_cents: %d; total_gross_cents: %d", old, after.Status, before.AmountDue, b.GrossCents)
		return s.audit(ctx, tx, actor, model.AuditBookingPaid, "booking "+b.Reference, detail)
	})
}

// today is the service's current day in its time zone (the booking settings' location).
func (s *Service) today() time.Time {
	return s.now().In(s.bookings.Location())
}
