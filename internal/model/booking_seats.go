package model

// SeatsNetCents is what the booked seats cost before the discount: seats × booked unit price,
// or the flat price of an in-house booking however many seats it has.
func (b Booking) SeatsNetCents() int64 {
	if b.FlatPrice {
		return b.UnitNetCents
	}
	return b.UnitNetCents * int64(b.Seats)
}

// GroupRule is the group rule the booking was made under.
func (b Booking) GroupRule() GroupRule {
	return GroupRule{FromSeat: b.GroupFromSeat, PercentBP: b.GroupPercentBP}
}

// RegroupFor sets the group discount for a new number of seats by the booking's own rule.
func (b *Booking) RegroupFor(seats int) {
	b.GroupDiscountCents = b.GroupRule().Discount(b.UnitNetCents, seats)
}

// ChargedNetCents is the booking's net price: its seats less the group and voucher discounts, plus the fees kept
// for attendees cancelled from it. The booking's totals and its invoice are this amount taxed.
func (b Booking) ChargedNetCents() int64 {
	return b.SeatsNetCents() - b.GroupDiscountCents - b.DiscountCents + b.CancellationFeesNetCents
}

// FeesGrossCents is the gross amount of the fees kept for cancelled attendees, as the booking's
// tax prices them.
func (b Booking) FeesGrossCents() int64 {
	if b.CancellationFeesNetCents == 0 {
		return 0
	}
	return b.Tax().Totals(b.CancellationFeesNetCents).GrossCents
}
