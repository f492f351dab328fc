package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// NormaliseVoucherCode is how codes are stored and looked up: trimmed, upper-case.
func NormaliseVoucherCode(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// VoucherByCode returns a voucher by its code, in any letter case.
func (q Reads) VoucherByCode(ctx context.Context, code string) (model.Voucher, error) {
	var v model.Voucher
	err := q.db.WithContext(ctx).Where("code = ?", NormaliseVoucherCode(code)).First(&v).Error
	return v, notFound(err, "voucher")
}

// CreateVoucher stores a new voucher.
func (tx *Tx) CreateVoucher(ctx context.Context, v *model.Voucher) error {
	v.Code = NormaliseVoucherCode(v.Code)
	return tx.db.WithContext(ctx).Create(v).Error
}

// RedeemVoucher counts one use if the limit allows it, in one conditional UPDATE (the same
// pattern as TakeSeats), and reports whether it did.
func (tx *Tx) RedeemVoucher(ctx context.Context, id uint) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.Voucher{}).
		Where("id = ? AND (max_uses = 0 OR uses < max_uses)", id).
		UpdateColumn("uses", gorm.Expr("uses + 1"))
	return res.RowsAffected == 1, res.Error
}

// VouchersPage returns limit vouchers from offset, newest first (by id, the primary key, so
// only the page is read), and how many there are in all.
func (q Reads) VouchersPage(ctx context.Context, offset, limit int) ([]model.Voucher, int64, error) {
	var total int64
	if err := q.db.WithContext(ctx).Model(&model.Voucher{}).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	vs := []model.Voucher{}
	err := q.db.WithContext(ctx).Order("id DESC").Offset(offset).Limit(limit).Find(&vs).Error
	return vs, total, err
}

// VouchersBefore returns up to limit vouchers whose id is below before (0: from the newest),
// newest first: the command line's list reads them a batch at a time through the primary key
// (keyset paging: each batch costs the same however long the list is, and a voucher created
// meanwhile does not shift the batches).
func (q Reads) VouchersBefore(ctx context.Context, before uint, limit int) ([]model.Voucher, error) {
	db := q.db.WithContext(ctx).Order("id DESC").Limit(limit)
	if before > 0 {
		db = db.Where("id < ?", before)
	}
	vs := []model.Voucher{}
	return vs, db.Find(&vs).Error
}

// ReturnVoucherUse gives back one use of a code whose booking never came to be (an unpaid hold
// that expired or could not start), so a single-use code can be used again.
func (tx *Tx) ReturnVoucherUse(ctx context.Context, code string) error {
	return tx.db.WithContext(ctx).Model(&model.Voucher{}).
		Where("code = ? AND uses > 0", NormaliseVoucherCode(code)).
		UpdateColumn("uses", gorm.Expr("uses - 1")).Error
}

// CountVoucherUse counts one use without checking the limit: for a late payment that brings an
// expired booking back, whose discount was promised when it was booked.
func (tx *Tx) CountVoucherUse(ctx context.Context, code string) error {
	return tx.db.WithContext(ctx).Model(&model.Voucher{}).
		Where("code = ?", NormaliseVoucherCode(code)).
		UpdateColumn("uses", gorm.Expr("uses + 1")).Error
}

// VoucherByID returns one voucher.
func (q Reads) VoucherByID(ctx context.Context, id uint) (model.Voucher, error) {
	var v model.Voucher
	err := q.db.WithContext(ctx).First(&v, id).Error
	return v, notFound(err, "voucher")
}

// UpdateVoucherTerms writes what a voucher gives and where and how long it applies; the code,
// the uses counted and the switch stay as they are.
func (tx *Tx) UpdateVoucherTerms(ctx context.Context, v model.Voucher) error {
	return tx.db.WithContext(ctx).Model(&model.Voucher{}).Where("id = ?", v.ID).Updates(map[string]any{
		"kind": v.Kind, "percent_bp": v.PercentBP, "amount_cents": v.AmountCents, "seminar_id": v.SeminarID,
		"valid_until": v.ValidUntil, "max_uses": v.MaxUses,
	}).Error
}

// SetVoucherActive switches a voucher on or off.
func (tx *Tx) SetVoucherActive(ctx context.Context, id uint, active bool) error {
	return tx.db.WithContext(ctx).Model(&model.Voucher{}).Where("id = ?", id).Update("active", active).Error
}

// DeleteVoucher removes a voucher that was never redeemed and reports whether it did; a used
// one stays, as bookings name it (switch it off instead).
func (tx *Tx) DeleteVoucher(ctx context.Context, id uint) (bool, error) {
	res := tx.db.WithContext(ctx).Where("id = ? AND uses = 0", id).Delete(&model.Voucher{})
	return res.RowsAffected == 1, res.Error
}
