package model

// SeatsNetCents is what the booked seats cost before the discount: seats × booked unit price,
// or the flat price of an in-house booking however many seats it has.
func (b Booking) SeatsNetCents() int64 {
	if b.FlatPrice {
		return b.UnitNetCents
	}
	return b.UnitNetCents * int64(b.Seats)
}

// ChargedNetCents is the booking's net price: its seats less the discount, plus the fees kept
// for attendees cancelled from it. The booking's totals and its invoice are this amount taxed.
func (b Booking) ChargedNetCents() int64 {
	return b.SeatsNetCents() - b.DiscountCents + b.CancellationFeesNetCents
}

// FeesGrossCents is the gross amount of the fees kept for cancelled attendees, as the booking's
// tax prices them.
func (b Booking) FeesGrossCents() int64 {
	if b.CancellationFeesNetCents == 0 {
		return 0
	}
	return b.Tax().Totals(b.CancellationFeesNetCents).GrossCents
}
