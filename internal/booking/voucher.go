package booking

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"seminars/internal/model"
	"seminars/internal/store"
)

// applyVoucher redeems the code (if any) inside the booking's transaction and returns the
// voucher the booking is priced with (nil without a code). A code that cannot be used fails the
// booking with a message for the voucher field, and the transaction's rollback returns the seats
// and the redemption alike.
func applyVoucher(ctx context.Context, tx *store.Tx, code string, seminarID uint, now time.Time) (*model.Voucher, error) {
	v, err := usableVoucher(ctx, tx.Reads, code, seminarID, now)
	if v == nil || err != nil {
		return nil, err
	}
	redeemed, err := tx.RedeemVoucher(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	if !redeemed {
		return nil, voucherRefused(model.VoucherUsedUp)
	}
	return v, nil
}

// usableVoucher looks the code up and checks it may be used for the seminar now, without
// redeeming it (the booking form's total asks this too); nil without a code.
func usableVoucher(ctx context.Context, q store.Reads, code string, seminarID uint, now time.Time) (*model.Voucher, error) {
	code = store.NormaliseVoucherCode(code)
	if code == "" {
		return nil, nil
	}
	if len(code) > maxVoucherCodeLen || !utf8.ValidString(code) || strings.ContainsFunc(code, unicode.IsControl) {
		// No code looks like this; the form's total asks before validation has refused it, and
		// PostgreSQL would refuse to compare a NUL byte at all.
		return nil, voucherRefused(model.VoucherUnknown)
	}
	v, err := q.VoucherByCode(ctx, code)
	if errors.Is(err, model.ErrNotFound) {
		return nil, voucherRefused(model.VoucherUnknown)
	}
	if err != nil {
		return nil, err
	}
	if why := v.Applicable(seminarID, now); why != "" {
		return nil, voucherRefused(why)
	}
	return &v, nil
}

// maxVoucherCodeLen is the voucher code column's size.
const maxVoucherCodeLen = 50

func voucherRefused(key string) error {
	return &model.ValidationError{Fields: map[string]string{"voucher": key}}
}

// setPrice writes a quote onto a new booking: seat price, frozen group rule, both discounts and
// the totals.
func setPrice(b *model.Booking, q model.Quote) {
	b.UnitNetCents, b.FlatPrice = q.UnitNetCents, q.Flat
	b.GroupFromSeat, b.GroupPercentBP, b.GroupDiscountCents = q.Group.FromSeat, q.Group.PercentBP, q.GroupDiscountCents
	b.VoucherCode, b.DiscountCents = q.VoucherCode, q.VoucherCents
	b.NetCents, b.VATCents, b.GrossCents = q.NetCents, q.VATCents, q.GrossCents
}
