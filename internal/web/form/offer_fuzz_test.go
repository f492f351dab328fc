package form

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
)

// FuzzOfferForm fuzzes the back office's offer form: whatever is typed, a valid offer keeps the
// text rule, has 1..3 proposed dates ahead with their end after their start, a positive price,
// persons within the limit, and is valid beyond now.
func FuzzOfferForm(f *testing.F) {
	good := "seminar_id=3&persons=12&pricing=flat&price_net=4.800&valid_until=2026-12-31&format=in_person&city=K%C3%B6ln" +
		"&date_1_start=2027-02-10T09%3A00&date_1_end=2027-02-10T17%3A00&text=Hallo%0D%0AWelt"
	f.Add(good)
	f.Add(strings.Replace(good, "K%C3%B6ln", "%00", 1))
	f.Add(strings.Replace(good, "4.800", "99999999999999999999", 1))
	f.Add(strings.Replace(good, "2027-02-10T17", "2027-02-10T08", 1) + "&date_2_start=x&date_3_end=2027-01-01T00%3A00")
	f.Add(strings.Replace(good, "flat", "per_person", 1) + "&language=fr")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, query string) {
		in := OfferFromValues(parse(query))
		o, errs := in.Validate(berlin, now)
		if len(errs) > 0 {
			return
		}
		keepsLine(t, "city", o.City, model.MaxCityLen)
		keepsLine(t, "venue", o.Venue, model.MaxVenueLen)
		keepsLine(t, "address", o.Address, model.MaxAddressLen)
		keepsParagraphs(t, "text", o.Text, model.MaxMessageLen)
		if len(o.ProposedDates) < 1 || len(o.ProposedDates) > MaxProposedDates || o.PriceNetCents <= 0 ||
			o.Persons < 1 || o.Persons > 1000 || !o.ValidUntil.After(now) {
			t.Fatalf("accepted offer %+v", o)
		}
		for _, p := range o.ProposedDates {
			if !p.StartsAt.After(now) || !p.EndsAt.After(p.StartsAt) {
				t.Fatalf("accepted proposed date %+v", p)
			}
		}
	})
}
