package form

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// MaxProposedDates is how many dates an offer may propose; the HTML form has that many rows.
const MaxProposedDates = 3

// ProposedDate is one proposed date as typed: RFC 3339 in JSON, "2006-01-02T15:04" on the form.
type ProposedDate struct {
	StartsAt string `json:"starts_at"`
	EndsAt   string `json:"ends_at"`
}

// Offer is the back office's in-house offer form and the body of
// POST /api/v1/admin/inquiries/{id}/offers.
type Offer struct {
	SeminarID     uint           `json:"seminar_id"`
	ProposedDates []ProposedDate `json:"proposed_dates"`
	Persons       int            `json:"persons"`
	Pricing       string         `json:"pricing"` // flat or per_person
	PriceNetCents int64          `json:"price_net_cents"`
	ValidUntil    string         `json:"valid_until"` // a day (2006-01-02); the offer holds through its end
	Format        string         `json:"format"`
	City          string         `json:"city"`
	Venue         string         `json:"venue"`
	Address       string         `json:"address"`
	Text          string         `json:"text"`
	Language      string         `json:"language"` // de or en; empty = the inquiry's

	// PriceText is the euro amount as typed on the HTML form.
	PriceText string `json:"-"`
}

// OfferFromValues reads the HTML offer form (rows date_1_start … date_3_end; price in euros).
func OfferFromValues(v url.Values) Offer {
	seminar, _ := strconv.ParseUint(strings.TrimSpace(v.Get("seminar_id")), 10, 32)
	f := Offer{
		SeminarID: uint(seminar), Persons: atoi(v.Get("persons")), Pricing: v.Get("pricing"), PriceText: v.Get("price_net"),
		ValidUntil: v.Get("valid_until"), Format: v.Get("format"), City: v.Get("city"), Venue: v.Get("venue"),
		Address: v.Get("address"), Text: v.Get("text"), Language: v.Get("language"),
	}
	for i := 1; i <= MaxProposedDates; i++ {
		n := strconv.Itoa(i)
		start, end := v.Get("date_"+n+"_start"), v.Get("date_"+n+"_end")
		if strings.TrimSpace(start+end) != "" || i == 1 {
			f.ProposedDates = append(f.ProposedDates, ProposedDate{StartsAt: start, EndsAt: end})
		}
	}
	return f
}

// Rows are the proposed dates padded to MaxProposedDates, for the form's rows.
func (f Offer) Rows() []ProposedDate {
	rows := append([]ProposedDate(nil), f.ProposedDates...)
	for len(rows) < MaxProposedDates {
		rows = append(rows, ProposedDate{})
	}
	return rows[:MaxProposedDates]
}

// Validate checks the offer against the time now and returns it as a record without number,
// buyer and seller (the use case adds them). Proposed dates must lie ahead; the offer must be
// valid at least through today.
func (f *Offer) Validate(loc *time.Location, now time.Time) (model.Offer, Errors) {
	errs := Errors{}
	o := model.Offer{SeminarID: f.SeminarID, Persons: f.Persons, Pricing: f.Pricing, Format: f.Format, Language: f.Language}
	if f.SeminarID == 0 {
		errs.add("seminar_id", "offer.error.seminar")
	}
	if f.PriceText != "" {
		var ok bool
		if f.PriceNetCents, ok = ParseEuros(f.PriceText); !ok {
			errs.add("price_net_cents", "admin.error.price")
		}
	}
	if f.PriceNetCents <= 0 || f.PriceNetCents > 100_000_000 {
		errs.add("price_net_cents", "admin.error.price")
	}
	o.PriceNetCents = f.PriceNetCents
	if f.Persons < 1 || f.Persons > 1000 {
		errs.add("persons", "admin.error.persons")
	}
	if f.Pricing != model.PricingFlat && f.Pricing != model.PricingPerPerson {
		errs.add("pricing", "offer.error.pricing")
	}
	if f.Language != "" && f.Language != "de" && f.Language != "en" {
		errs.add("language", "offer.error.language")
	}
	f.validateDates(&o, loc, now, errs)
	line(errs, "valid_until", &f.ValidUntil, 40, false)
	if day, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(f.ValidUntil), loc); err != nil {
		errs.add("valid_until", "admin.error.day")
	} else if o.ValidUntil = day.AddDate(0, 0, 1).UTC(); !o.ValidUntil.After(now) {
		errs.add("valid_until", "offer.error.valid_until")
	}
	line(errs, "city", &f.City, model.MaxCityLen, false)
	line(errs, "venue", &f.Venue, model.MaxVenueLen, false)
	line(errs, "address", &f.Address, model.MaxAddressLen, false)
	paragraphs(errs, "text", &f.Text, model.MaxMessageLen)
	o.City, o.Venue, o.Address, o.Text = f.City, f.Venue, f.Address, f.Text
	switch f.Format {
	case model.FormatInPerson:
		if o.City == "" {
			errs.add("city", msgRequired)
		}
	case model.FormatOnline:
	default:
		errs.add("format", "admin.error.format")
	}
	return o, errs
}

func (f *Offer) validateDates(o *model.Offer, loc *time.Location, now time.Time, errs Errors) {
	if len(f.ProposedDates) == 0 || len(f.ProposedDates) > MaxProposedDates {
		errs.add("proposed_dates", "offer.error.dates")
		return
	}
	for i, p := range f.ProposedDates {
		n := strconv.Itoa(i + 1)
		field := "date_" + n
		line(errs, field, &p.StartsAt, 40, false)
		line(errs, field, &p.EndsAt, 40, false)
		start, okStart := parseWhen(p.StartsAt, loc)
		end, okEnd := parseWhen(p.EndsAt, loc)
		switch {
		case !okStart || !okEnd:
			errs.add(field, "admin.error.when")
		case !end.After(start):
			errs.add(field, "admin.error.ends_before_start")
		case !start.After(now):
			errs.add(field, "offer.error.past")
		default:
			o.ProposedDates = append(o.ProposedDates, model.ProposedDate{StartsAt: start, EndsAt: end})
		}
	}
}
