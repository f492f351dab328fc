package privacy

import (
	"context"
	"strings"

	"seminars/internal/model"
	"seminars/internal/store"
)

// SetLegalHold sets or lifts the legal hold of a booking (a dispute, a tax audit): while it is
// set, the retention job keeps the booking's invoices and credit notes past their period. The
// change is audited in the same transaction.
func (s *Service) SetLegalHold(ctx context.Context, actor, reference string, hold bool) error {
	reference = strings.ToUpper(strings.TrimSpace(reference))
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		b, err := tx.BookingByReference(ctx, reference)
		if err != nil {
			return err
		}
		if err := tx.SetLegalHold(ctx, b.ID, hold); err != nil {
			return err
		}
		detail := "legal_hold: off"
		if hold {
			detail = "legal_hold: on"
		}
		return tx.AddAudit(ctx, &model.AuditEntry{CreatedAt: s.now().UTC(), Actor: actor, Action: model.AuditLegalHold,
			Subject: "booking " + b.Reference, Detail: detail})
	})
}
