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

// UpdateVoucher writes an edited voucher (found by its code; the code itself stays) and records
// what changed: its discount, seminar (seminarSlug, "" for every seminar), last day, limit, and
// whether it is switched on — switching off is how a code that was handed out is withdrawn.
// An unknown slug is a *model.ValidationError on "seminar"; how often it was used is kept.
func (s *Service) UpdateVoucher(ctx context.Context, actor string, v *model.Voucher, seminarSlug string) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		old, err := tx.VoucherByCode(ctx, v.Code)
		if err != nil {
			return err
		}
		v.ID, v.Code, v.Uses, v.SeminarID = old.ID, old.Code, old.Uses, nil
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
		if err := tx.UpdateVoucher(ctx, v); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s; active: %t → %t", voucherDetail(*v, seminarSlug), old.Active, v.Active)
		return s.audit(ctx, tx, actor, model.AuditVoucherUpdated, "voucher "+v.Code, detail)
	})
}

// DeleteVoucher removes a voucher that was never redeemed. One that bookings used is refused
// with model.ErrInvalidTransition (their invoices name it): switch it off instead.
func (s *Service) DeleteVoucher(ctx context.Context, actor, code string) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		v, err := tx.VoucherByCode(ctx, code)
		if err != nil {
			return err
		}
		deleted, err := tx.DeleteVoucher(ctx, v.ID)
		if err != nil {
			return err
		}
		if !deleted {
			return fmt.Errorf("voucher %s was used: %w", v.Code, model.ErrInvalidTransition)
		}
		return s.audit(ctx, tx, actor, model.AuditVoucherDeleted, "voucher "+v.Code, voucherDetail(v, ""))
	})
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
