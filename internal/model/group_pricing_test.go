package model

import (
	"testing"
	"time"
)

// TestPriceQuoteWorkedExample is the worked example of docs/pricing.md, to the cent.
func TestPriceQuoteWorkedExample(t *testing.T) {
	now := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	until := now.Add(30 * 24 * time.Hour)
	date := SeminarDate{PriceNetCents: 59000, EarlyBirdNetCents: 49000, EarlyBirdUntil: &until}
	voucher := &Voucher{Code: "TEAM5", Kind: VoucherPercent, PercentBP: 500}
	q := PriceQuote(date, 4, GroupRule{FromSeat: 3, PercentBP: 1000}, voucher, Tax{Treatment: TaxStandard, RateBP: 1900}, now)
	want := Quote{Seats: 4, UnitNetCents: 49000, RegularUnitNetCents: 59000, EarlyBirdCents: 40000,
		Group: GroupRule{FromSeat: 3, PercentBP: 1000}, GroupSeats: 2, GroupDiscountCents: 9800,
		VoucherCode: "TEAM5", VoucherCents: 9310,
		Totals: Totals{NetCents: 176890, VATCents: 33609, GrossCents: 210499, VATRateBP: 1900},
		Tax:    Tax{Treatment: TaxStandard, RateBP: 1900}}
	if q != want {
		t.Fatalf("quote\n got %+v\nwant %+v", q, want)
	}
}

func TestGroupRule(t *testing.T) {
	third10 := GroupRule{FromSeat: 3, PercentBP: 1000}
	cases := []struct {
		name  string
		rule  GroupRule
		unit  int64
		seats int
		want  int64
	}{
		{"below the threshold", third10, 59000, 2, 0},
		{"the third person", third10, 59000, 3, 5900},
		{"persons 3..5", third10, 59000, 5, 3 * 5900},
		{"per seat rounded half up", third10, 49995, 3, 5000},
		{"zero rule", GroupRule{}, 59000, 10, 0},
		{"whole seat", GroupRule{FromSeat: 2, PercentBP: 10000}, 100, 2, 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.rule.Discount(c.unit, c.seats); got != c.want {
				t.Fatalf("Discount(%d, %d) = %d, want %d", c.unit, c.seats, got, c.want)
			}
		})
	}
}

func TestGroupRuleValidate(t *testing.T) {
	cases := []struct {
		name string
		rule GroupRule
		ok   bool
	}{
		{"none", GroupRule{}, true},
		{"from the 3rd −10 %", GroupRule{3, 1000}, true},
		{"from the first person", GroupRule{1, 1000}, false},
		{"no percentage", GroupRule{3, 0}, false},
		{"over 100 %", GroupRule{3, 10001}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.rule.Validate(); (err == nil) != c.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, c.ok)
			}
		})
	}
}

func TestGroupRuleOf(t *testing.T) {
	global := GroupRule{FromSeat: 4, PercentBP: 500}
	cases := []struct {
		name string
		s    Seminar
		want GroupRule
	}{
		{"global", Seminar{GroupPricing: GroupPricingGlobal}, global},
		{"unset is global", Seminar{}, global},
		{"own", Seminar{GroupPricing: GroupPricingOwn, GroupFromSeat: 3, GroupPercentBP: 1000}, GroupRule{3, 1000}},
		{"off", Seminar{GroupPricing: GroupPricingOff, GroupFromSeat: 3, GroupPercentBP: 1000}, GroupRule{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := GroupRuleOf(c.s, global); got != c.want {
				t.Fatalf("GroupRuleOf = %+v, want %+v", got, c.want)
			}
		})
	}
}
