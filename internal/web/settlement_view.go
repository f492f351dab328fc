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

// settlementLines is settlementLine for each cancelled booking of a list, by booking id.
func (s *Server) settlementLines(ctx context.Context, t *i18n.Translator, bookings []model.Booking) (map[uint]string, error) {
	var ids []uint
	for _, b := range bookings {
		if b.Status == model.BookingCancelled {
			ids = append(ids, b.ID)
		}
	}
	docs, err := s.store.InvoicesForBookings(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]string, len(ids))
	for _, b := range bookings {
		if b.Status == model.BookingCancelled {
			out[b.ID] = settlementLine(t, model.Settle(b, docs[b.ID]))
		}
	}
	return out, nil
}
