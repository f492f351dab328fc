package backoffice

import (
	"context"
	"errors"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// CreateVoucher stores a discount code, limited to the seminar with seminarSlug when one is
// given (published or not), and records who made it. An unknown slug or a code that exists
// already is a *model.ValidationError on "seminar" or "code".
func (s *Service) CreateVoucher(ctx context.Context, actor string, v *model.Voucher, seminarSlug string) error {
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if seminarSlug != "" {
			id, err := tx.SeminarIDBySlug(ctx, seminarSlug)
			if errors.Is(err, model.ErrNotFound) {
				return &model.ValidationError{Fields: map[string]string{"seminar": "admin.error.voucher_seminar"}}
			}
			if err != nil {
				return err
			}
			v.SeminarID = &id
		}
		if err := tx.CreateVoucher(ctx, v); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditVoucherCreated, "voucher "+v.Code, voucherDetail(*v, seminarSlug))
	})
	if store.IsUniqueViolation(err) {
		return &model.ValidationError{Fields: map[string]string{"code": "admin.error.voucher_code_taken"}}
	}
	return err
}

func voucherDetail(v model.Voucher, seminarSlug string) string {
	d := fmt.Sprintf("kind: %s; percent_bp: %d; amount_cents: %d; max_uses: %d", v.Kind, v.PercentBP, v.AmountCents, v.MaxUses)
	if v.ValidUntil != nil {
		d += "; valid_until: " + stamp(*v.ValidUntil)
	}
	if seminarSlug != "" {
		d += "; seminar: " + seminarSlug
	}
	return d
}
