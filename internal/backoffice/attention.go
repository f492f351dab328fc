package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// HandleAttention records that an owner dealt with a booking that needed attention (told the
// customer about a refunded late payment, retried a failed refund, checked a Stripe payment that
// did not match the booking, sent a manual refund — which the ledger records as paid out — or
// checked a reverse-charge customer's VAT ID, audited as verified). The reason stays on the
// booking for the record; a booking that needs no attention is model.ErrInvalidTransition.
func (s *Service) HandleAttention(ctx context.Context, actor, reference string) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.LockBooking(ctx, reference)
		if err != nil {
			return err
		}
		refused := fmt.Errorf("booking %s needs no attention: %w", b.Reference, model.ErrInvalidTransition)
		if !b.NeedsAttention {
			return refused
		}
		if b.AttentionReason == model.AttentionRefundManual && b.RefundDueCents > 0 {
			// The trainer sent the money back: the ledger records the payout, which clears the item.
			payout := model.Payment{AmountCents: -b.RefundDueCents, Method: model.LedgerBankTransfer, PaidOn: s.today(),
				RecordedBy: actor, Note: "manual refund paid out"}
			if _, err := s.bookings.RecordPaymentInTx(ctx, tx, &b, payout); err != nil {
				return err
			}
		}
		cleared, err := tx.ClearAttention(ctx, b.ID)
		if err != nil {
			return err
		}
		if !cleared && b.NeedsAttention {
			return refused
		}
		if b.AttentionReason == model.AttentionVATIDUnverified {
			return s.audit(ctx, tx, actor, model.AuditVATIDVerified, "booking "+b.Reference,
				"vat_id: "+b.Billing.VATID+"; tax_treatment: "+string(b.TaxTreatment))
		}
		detail := fmt.Sprintf("attention_reason: %s; gross_cents: %d; refunded_cents: %d", b.AttentionReason, b.GrossCents, b.Stripe.RefundedCents)
		if b.AttentionDetail != "" {
			detail += "; attention_detail: " + b.AttentionDetail
		}
		return s.audit(ctx, tx, actor, model.AuditAttentionHandled, "booking "+b.Reference, detail)
	})
}
