package web

import (
	"context"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// settlementLine says where a cancelled booking's money stands, for the manage page and the back
// office: the fee still owed, the refund (on its way or done), the fee kept, or nothing to pay.
// A cancelled booking's payment status alone ("offen") would read as if the full amount were due.
func settlementLine(t *i18n.Translator, s model.Settlement) string {
	args := []any{"Fee", t.Money(s.FeeCents), "Refund", t.Money(s.RefundCents)}
	key := "settlement.nothing_owed"
	switch {
	case s.OwedCents > 0:
		args[1] = t.Money(s.OwedCents)
		key = "settlement.fee_owed"
	case s.RefundCents > 0 && s.RefundDone && s.FeeCents > 0:
		key = "settlement.refunded_fee_kept"
	case s.RefundCents > 0 && s.RefundDone:
		key = "settlement.refunded"
	case s.RefundCents > 0 && s.FeeCents > 0:
		key = "settlement.refund_pending_fee_kept"
	case s.RefundCents > 0:
		key = "settlement.refund_pending"
	case s.Paid && s.FeeCents > 0:
		key = "settlement.fee_paid"
	}
	return t.T(key, args...)
}

// moneyLine says in one phrase what a booking that is not cancelled owes or is owed: "595,00 €
// offen", "10,00 € zu erstatten", or "" when settled or when the whole total is open (its
// payment status says the rest). The
// amounts are the API's amount_due_cents and amount_refundable_cents.
func moneyLine(t *i18n.Translator, b model.Booking, a model.Account) string {
	switch {
	case a.AmountDue > 0 && a.ReceivedCents == 0 && a.AmountDue == b.GrossCents:
		return "" // "offen" beside the total says it
	case a.AmountDue > 0:
		return t.T("money.due", "Amount", t.Money(a.AmountDue))
	case a.AmountRefundable > 0:
		return t.T("money.refundable", "Amount", t.Money(a.AmountRefundable))
	}
	return ""
}

// bookingMoney is where the money of a page of bookings stands: each booking's account (from its
// documents and ledger) and, for the cancelled ones, the settlement line.
type bookingMoney struct {
	Accounts map[uint]model.Account
	Lines    map[uint]string
}

// moneyOf reads the documents and ledgers of bookings (two queries each) and words their state.
func (s *Server) moneyOf(ctx context.Context, t *i18n.Translator, bookings []model.Booking) (bookingMoney, error) {
	ids := make([]uint, 0, len(bookings))
	for _, b := range bookings {
		ids = append(ids, b.ID)
	}
	docs, err := s.store.InvoicesForBookings(ctx, ids)
	if err != nil {
		return bookingMoney{}, err
	}
	ledgers, err := s.store.PaymentsForBookings(ctx, ids)
	if err != nil {
		return bookingMoney{}, err
	}
	out := bookingMoney{Accounts: make(map[uint]model.Account, len(ids)), Lines: map[uint]string{}}
	for _, b := range bookings {
		a := model.AccountOf(docs[b.ID], ledgers[b.ID])
		out.Accounts[b.ID] = a
		if b.Status == model.BookingCancelled {
			out.Lines[b.ID] = settlementLine(t, model.Settle(docs[b.ID], ledgers[b.ID]))
		} else if line := moneyLine(t, b, a); line != "" {
			out.Lines[b.ID] = line
		}
	}
	return out, nil
}

// settlementLines is moneyOf's wording alone, by booking id.
func (s *Server) settlementLines(ctx context.Context, t *i18n.Translator, bookings []model.Booking) (map[uint]string, error) {
	m, err := s.moneyOf(ctx, t, bookings)
	return m.Lines, err
}
