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

// UpdateVoucher changes what a voucher gives (kind and amount), its seminar (by slug; "" for
// every seminar), its last day and its limit of uses, with an audit entry of what changed. The
// code stays: bookings and invoices name it. Bookings made with it keep their discount. An
// unknown slug is a *model.ValidationError on "seminar".
func (s *Service) UpdateVoucher(ctx context.Context, actor string, id uint, changed model.Voucher, seminarSlug string) (model.Voucher, error) {
	var v model.Voucher
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		old, err := tx.VoucherByID(ctx, id)
		if err != nil {
			return err
		}
		changed.ID, changed.SeminarID = id, nil
		if seminarSlug != "" {
			sid, err := tx.SeminarIDBySlug(ctx, seminarSlug)
			if errors.Is(err, model.ErrNotFound) {
				return &model.ValidationError{Fields: map[string]string{"seminar": "admin.error.voucher_seminar"}}
			}
			if err != nil {
				return err
			}
			changed.SeminarID = &sid
		}
		if err := tx.UpdateVoucherTerms(ctx, changed); err != nil {
			return err
		}
		if v, err = tx.VoucherByID(ctx, id); err != nil {
			return err
		}
		c := voucherChanges(old, v)
		if len(c) == 0 {
			return nil
		}
		return s.audit(ctx, tx, actor, model.AuditVoucherUpdated, "voucher "+v.Code, c.String())
	})
	return v, err
}

// SwitchVoucher switches a voucher off (new bookings refuse it with model.VoucherInactive; the
// bookings made with it keep their discount) or on again, with an audit entry. Switching to the
// state it has changes nothing and records nothing.
func (s *Service) SwitchVoucher(ctx context.Context, actor string, id uint, active bool) (model.Voucher, error) {
	var v model.Voucher
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if v, err = tx.VoucherByID(ctx, id); err != nil {
			return err
		}
		if v.Active == active {
			return nil
		}
		if err := tx.SetVoucherActive(ctx, id, active); err != nil {
			return err
		}
		before := v.Active
		v.Active = active
		return s.audit(ctx, tx, actor, model.AuditVoucherSwitched, "voucher "+v.Code, fmt.Sprintf("active: %t → %t", before, active))
	})
	return v, err
}

func voucherChanges(old, new model.Voucher) changes {
	var c changes
	seminar := func(id *uint) string {
		if id == nil {
			return "-"
		}
		return fmt.Sprint(*id)
	}
	c.add("kind", old.Kind, new.Kind)
	c.add("percent_bp", old.PercentBP, new.PercentBP)
	c.add("amount_cents", old.AmountCents, new.AmountCents)
	c.add("seminar_id", seminar(old.SeminarID), seminar(new.SeminarID))
	c.add("valid_until", stampPtr(old.ValidUntil), stampPtr(new.ValidUntil))
	c.add("max_uses", old.MaxUses, new.MaxUses)
	return c
}
