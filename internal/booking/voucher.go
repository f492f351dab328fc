package booking

import (
	"context"
	"errors"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// applyVoucher redeems the code (if any) inside the booking's transaction and sets the booking's
// discount. A code that cannot be used fails the booking with a message for the voucher field,
// and the transaction's rollback returns the seats and the redemption alike.
func applyVoucher(ctx context.Context, tx *store.Tx, b *model.Booking, code string, seminarID uint, now time.Time) error {
	code = store.NormaliseVoucherCode(code)
	if code == "" {
		return nil
	}
	refuse := func(key string) error {
		return &model.ValidationError{Fields: map[string]string{"voucher": key}}
	}
	v, err := tx.VoucherByCode(ctx, code)
	if errors.Is(err, model.ErrNotFound) {
		return refuse(model.VoucherUnknown)
	}
	if err != nil {
		return err
	}
	if why := v.Applicable(seminarID, now); why != "" {
		return refuse(why)
	}
	redeemed, err := tx.RedeemVoucher(ctx, v.ID)
	if err != nil {
		return err
	}
	if !redeemed {
		return refuse(model.VoucherUsedUp)
	}
	b.VoucherCode = v.Code
	b.DiscountCents = v.Discount(b.UnitNetCents * int64(b.Seats))
	return nil
}
