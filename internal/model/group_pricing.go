package model

import (
	"errors"
	"time"
)

// Group pricing modes of a seminar (Seminar.GroupPricing).
const (
	// GroupPricingGlobal: the seminar uses the service's rule (setting group_discount_from_seat).
	GroupPricingGlobal = "global"
	// GroupPricingOwn: the seminar has its own rule (GroupFromSeat, GroupPercentBP).
	GroupPricingOwn = "own"
	// GroupPricingOff: no group discount for the seminar, whatever the service's rule.
	GroupPricingOff = "off"
)

// IsGroupPricingMode tells whether s is one of the group pricing modes.
func IsGroupPricingMode(s string) bool {
	return s == GroupPricingGlobal || s == GroupPricingOwn || s == GroupPricingOff
}

// GroupRule is a discount by the number of attendees of one booking: persons FromSeat..n each
// get PercentBP basis points off their seat ("from the 3rd person −10 %" is {3, 1000}). The zero
// rule gives nothing. A booking freezes the rule it was made under, so adding or cancelling an
// attendee later recomputes the discount by the same rule.
type GroupRule struct {
	FromSeat  int
	PercentBP int
}

// ErrGroupRule is a rule out of range: FromSeat must be at least 2 (a discount from the first
// person is a lower price) and PercentBP between 1 and 10000.
var ErrGroupRule = errors.New("group discount: from_seat must be ≥ 2 and the percentage between 0 and 100")

// Validate checks a rule; the zero rule (no discount) is valid.
func (r GroupRule) Validate() error {
	if r == (GroupRule{}) {
		return nil
	}
	if r.FromSeat < 2 || r.PercentBP <= 0 || r.PercentBP > 10000 {
		return ErrGroupRule
	}
	return nil
}

// Active tells whether the rule gives a discount to some booking.
func (r GroupRule) Active() bool { return r.FromSeat >= 2 && r.PercentBP > 0 }

// SeatDiscount is what the rule takes off one discounted seat at unitNetCents: the percentage
// rounded half up to the cent, per seat, so every discounted person's seat costs the same.
func (r GroupRule) SeatDiscount(unitNetCents int64) int64 {
	if !r.Active() {
		return 0
	}
	return (unitNetCents*int64(r.PercentBP) + 5000) / 10000
}

// DiscountedSeats is how many of seats the rule discounts (persons FromSeat..seats).
func (r GroupRule) DiscountedSeats(seats int) int {
	if !r.Active() || seats < r.FromSeat {
		return 0
	}
	return seats - r.FromSeat + 1
}

// Discount is the group discount of a booking of seats at unitNetCents each, in cents.
func (r GroupRule) Discount(unitNetCents int64, seats int) int64 {
	return r.SeatDiscount(unitNetCents) * int64(r.DiscountedSeats(seats))
}

// GroupRuleOf is the rule a seminar's bookings get: its own, none, or the service's (global).
func GroupRuleOf(s Seminar, global GroupRule) GroupRule {
	switch s.GroupPricing {
	case GroupPricingOwn:
		return GroupRule{FromSeat: s.GroupFromSeat, PercentBP: s.GroupPercentBP}
	case GroupPricingOff:
		return GroupRule{}
	}
	return global
}

// Quote is a booking's price, step by step, as the booking form shows it and the booking stores
// it. The one written rule (docs/pricing.md):
//
//  1. the seat price is the early-bird price while it runs, else the regular price;
//  2. the group discount takes its percentage off each seat from the rule's FromSeat on;
//  3. the voucher applies to the net total after the group discount (a percentage of it, or a
//     fixed amount, never more than it);
//  4. VAT is added to what is left (Tax.Totals), once, on the total.
//
// Early bird and group discount stack; the voucher comes last, on what the booker would pay.
type Quote struct {
	Seats        int
	UnitNetCents int64
	// RegularUnitNetCents is the seat's price without the early bird; EarlyBirdCents is what the
	// early bird saves on all seats (shown, not a line of the invoice: the seat price is lower).
	RegularUnitNetCents int64
	EarlyBirdCents      int64
	Group               GroupRule
	GroupSeats          int
	GroupDiscountCents  int64
	VoucherCode         string
	VoucherCents        int64
	Totals
	Tax Tax
	// Flat says UnitNetCents is the price of the whole booking: an in-house date's flat price,
	// without early bird, group discount or voucher.
	Flat bool
}

// SeatsNetCents is the seats' price before the discounts (a flat price however many seats).
func (q Quote) SeatsNetCents() int64 {
	if q.Flat {
		return q.UnitNetCents
	}
	return q.UnitNetCents * int64(q.Seats)
}

// PriceQuote prices seats on date under the group rule, the voucher (nil: none) and tax, at time
// now: the rule of Quote, the one pricing function behind the form's total and the booking.
func PriceQuote(date SeminarDate, seats int, group GroupRule, voucher *Voucher, tax Tax, now time.Time) Quote {
	if date.FlatPrice() {
		// The price agreed in the in-house offer, for the whole seminar.
		return Quote{Seats: seats, UnitNetCents: date.FlatPriceNetCents, RegularUnitNetCents: date.FlatPriceNetCents,
			Tax: tax, Totals: tax.Totals(date.FlatPriceNetCents), Flat: true}
	}
	if date.Unlisted {
		group = GroupRule{} // an in-house price per person was agreed in its offer: no group discount on top
	}
	q := Quote{Seats: seats, UnitNetCents: date.UnitPriceNetCents(now), RegularUnitNetCents: date.PriceNetCents, Group: group, Tax: tax}
	if saved := q.RegularUnitNetCents - q.UnitNetCents; saved > 0 {
		q.EarlyBirdCents = saved * int64(seats)
	}
	q.GroupSeats = group.DiscountedSeats(seats)
	q.GroupDiscountCents = group.Discount(q.UnitNetCents, seats)
	afterGroup := q.SeatsNetCents() - q.GroupDiscountCents
	if voucher != nil {
		q.VoucherCode, q.VoucherCents = voucher.Code, voucher.Discount(afterGroup)
	}
	q.Totals = tax.Totals(afterGroup - q.VoucherCents)
	return q
}
