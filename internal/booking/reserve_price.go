package booking

import (
	"context"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// priceAndStore decides the booking's tax, redeems its voucher, prices it, sets its status and
// stores it with its attendees inside tx. It takes no seats: reserveOnce does that last.
func (s *Service) priceAndStore(ctx context.Context, tx *store.Tx, req Request, date model.SeminarDate, b *model.Booking, now time.Time) error {
	tax, err := s.taxOf(date, b.Billing)
	if err != nil {
		return err
	}
	b.TaxTreatment, b.VATRateBP = tax.Treatment, tax.RateBP
	if tax.Treatment == model.TaxReverseCharge {
		// No VIES query is built: the trainer checks the customer's VAT ID by hand, so the
		// booking goes on the attention list with it, in the transaction that makes it.
		b.NeedsAttention, b.AttentionReason, b.AttentionDetail = true, model.AttentionVATIDUnverified, b.Billing.VATID
	}
	if date.Unlisted && strings.TrimSpace(req.Voucher) != "" {
		// The offer's price was agreed with the company; a voucher does not apply to it.
		return &model.ValidationError{Fields: map[string]string{"voucher": "error.voucher_inhouse"}}
	}
	voucher, err := applyVoucher(ctx, tx, req.Voucher, date.SeminarID, now)
	if err != nil {
		return err
	}
	q := model.PriceQuote(date, b.Seats, model.GroupRuleOf(*date.Seminar, s.settings.GroupDiscount), voucher, tax, now)
	setPrice(b, q)
	if req.PaymentMethod == model.PaymentInvoice {
		b.Status = model.BookingConfirmed
		b.ConfirmedAt = &now
	} else {
		b.Status = model.BookingPendingPayment
		expires := now.Add(s.settings.HoldDuration)
		b.HoldExpiresAt = &expires
	}
	return tx.CreateBooking(ctx, b)
}
