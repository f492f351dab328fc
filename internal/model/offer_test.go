package model

import (
	"testing"
	"time"
)

// TestOfferPrice: an offer's total, whether it can still be accepted, and the booking price of
// the unlisted date it becomes — flat: one price however many attend, nothing off it; per person:
// seats × the agreed price, no group discount on top.
func TestOfferPrice(t *testing.T) {
	until := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	tax := Tax{Treatment: TaxStandard, RateBP: 1900}
	group := GroupRule{FromSeat: 3, PercentBP: 1000}
	voucher := &Voucher{Code: "X", Kind: VoucherPercent, PercentBP: 1000}
	cases := []struct {
		name       string
		offer      Offer
		now        time.Time
		acceptable bool
		offerNet   int64
		date       SeminarDate
		seats      int
		bookNet    int64
		bookGross  int64
	}{
		{"flat, 3 of 12 attend", Offer{Pricing: PricingFlat, PriceNetCents: 480000, Persons: 12, Status: OfferSent, ValidUntil: until, VATRateBP: 1900},
			until.Add(-time.Second), true, 480000,
			SeminarDate{PriceNetCents: 480000, FlatPriceNetCents: 480000, Unlisted: true}, 3, 480000, 571200},
		{"per person, 4 seats, no group discount", Offer{Pricing: PricingPerPerson, PriceNetCents: 59000, Persons: 5, Status: OfferSent, ValidUntil: until},
			until, false, 295000,
			SeminarDate{PriceNetCents: 59000, Unlisted: true}, 4, 236000, 280840},
		{"accepted already; a catalogue date for comparison", Offer{Pricing: PricingFlat, PriceNetCents: 100, Persons: 1, Status: OfferAccepted, ValidUntil: until},
			until.Add(-time.Hour), false, 100,
			SeminarDate{PriceNetCents: 49000}, 4, 167580, 199420}, // 4 × 490 − 2 × 49 group − 10 % voucher
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.offer.Acceptable(c.now); got != c.acceptable {
				t.Errorf("acceptable %v", got)
			}
			if got := c.offer.NetCents(); got != c.offerNet {
				t.Errorf("offer net %d", got)
			}
			var v *Voucher
			if !c.date.FlatPrice() && !c.date.Unlisted {
				v = voucher // a catalogue date, for comparison: group discount and voucher apply
			}
			q := PriceQuote(c.date, c.seats, group, v, tax, c.now)
			if q.NetCents != c.bookNet || (c.bookGross != 0 && q.GrossCents != c.bookGross) {
				t.Errorf("booking net %d gross %d", q.NetCents, q.GrossCents)
			}
		})
	}
}
