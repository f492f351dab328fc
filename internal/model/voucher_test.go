package model

import (
	"testing"
	"time"
)

func TestVoucherApplicable(t *testing.T) {
	now := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	past, future := now.Add(-time.Hour), now.Add(time.Hour)
	seminar := uint(7)
	cases := []struct {
		name string
		v    Voucher
		want string
	}{
		{"open voucher", Voucher{Active: true}, ""},
		{"inactive", Voucher{Active: false}, VoucherInactive},
		{"not yet valid", Voucher{Active: true, ValidFrom: &future}, VoucherNotValidNow},
		{"expired", Voucher{Active: true, ValidUntil: &past}, VoucherNotValidNow},
		{"other seminar", Voucher{Active: true, SeminarID: func() *uint { o := uint(8); return &o }()}, VoucherWrongSeminar},
		{"this seminar", Voucher{Active: true, SeminarID: &seminar}, ""},
		{"used up", Voucher{Active: true, MaxUses: 2, Uses: 2}, VoucherUsedUp},
		{"one use left", Voucher{Active: true, MaxUses: 2, Uses: 1}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.v.Applicable(seminar, now); got != c.want {
				t.Fatalf("Applicable = %q, want %q", got, c.want)
			}
		})
	}
}

func TestVoucherDiscount(t *testing.T) {
	cases := []struct {
		name string
		v    Voucher
		net  int64
		want int64
	}{
		{"ten percent", Voucher{Kind: VoucherPercent, PercentBP: 1000}, 98000, 9800},
		{"percent rounds half up", Voucher{Kind: VoucherPercent, PercentBP: 1250}, 4, 1}, // 0.5 → 1
		{"fixed amount", Voucher{Kind: VoucherFixed, AmountCents: 5000}, 49000, 5000},
		{"fixed never above the total", Voucher{Kind: VoucherFixed, AmountCents: 90000}, 49000, 49000},
		{"hundred percent", Voucher{Kind: VoucherPercent, PercentBP: 10000}, 49000, 49000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.v.Discount(c.net); got != c.want {
				t.Fatalf("Discount(%d) = %d, want %d", c.net, got, c.want)
			}
		})
	}
}
