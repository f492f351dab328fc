package model

import "time"

// Voucher kinds.
const (
	VoucherPercent = "percent" // PercentBP basis points off the booking's net total
	VoucherFixed   = "fixed"   // AmountCents off the booking's net total
)

// Voucher is a discount code a company enters when booking.
type Voucher struct {
	ID          uint   `gorm:"primaryKey"`
	Code        string `gorm:"size:50;uniqueIndex;not null"` // stored upper-case
	Kind        string `gorm:"size:10;not null"`
	PercentBP   int    `gorm:"not null;default:0"` // 1000 = 10 %
	AmountCents int64  `gorm:"not null;default:0"`
	SeminarID   *uint  // nil: valid for every seminar
	ValidFrom   *time.Time
	ValidUntil  *time.Time
	// MaxUses limits redemptions (0 = unlimited). Uses only grows inside the booking's write
	// transaction through a conditional UPDATE, so concurrent bookings never exceed the limit.
	MaxUses   int  `gorm:"not null;default:0"`
	Uses      int  `gorm:"not null;default:0"`
	Active    bool `gorm:"not null;default:true"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Message keys for vouchers that cannot be applied.
const (
	VoucherUnknown      = "error.voucher_unknown"
	VoucherNotValidNow  = "error.voucher_not_valid_now"
	VoucherWrongSeminar = "error.voucher_wrong_seminar"
	VoucherUsedUp       = "error.voucher_used_up"
	// VoucherInactive: the trainer switched the code off; saying so beats "unknown" for a
	// booker who has the code on paper.
	VoucherInactive = "error.voucher_inactive"
)

// Applicable tells why a voucher cannot be used for a seminar at time now ("" when it can).
func (v Voucher) Applicable(seminarID uint, now time.Time) string {
	switch {
	case !v.Active:
		return VoucherInactive
	case v.ValidFrom != nil && now.Before(*v.ValidFrom), v.ValidUntil != nil && !now.Before(*v.ValidUntil):
		return VoucherNotValidNow
	case v.SeminarID != nil && *v.SeminarID != seminarID:
		return VoucherWrongSeminar
	case v.MaxUses > 0 && v.Uses >= v.MaxUses:
		return VoucherUsedUp
	}
	return ""
}

// Discount is what the voucher takes off a net total, in cents: a percentage rounded half up to
// the cent, or a fixed amount; never more than the total.
func (v Voucher) Discount(netCents int64) int64 {
	var off int64
	switch v.Kind {
	case VoucherPercent:
		off = (netCents*int64(v.PercentBP) + 5000) / 10000
	case VoucherFixed:
		off = v.AmountCents
	}
	return max(0, min(off, netCents))
}
