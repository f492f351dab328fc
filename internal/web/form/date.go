package form

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// Date is the back office's date form and the body of POST /api/v1/admin/seminars/{id}/dates.
// Times are RFC 3339 in JSON; the HTML form sends "2006-01-02T15:04" in the display zone.
type Date struct {
	StartsAt          string `json:"starts_at"`
	EndsAt            string `json:"ends_at"`
	Capacity          int    `json:"capacity"`
	PriceNetCents     int64  `json:"price_net_cents"`
	EarlyBirdNetCents int64  `json:"early_bird_net_cents"`
	EarlyBirdUntil    string `json:"early_bird_until"` // a day (2006-01-02), the price holds through its end
	Format            string `json:"format"`
	City              string `json:"city"`
	Venue             string `json:"venue"`
	Address           string `json:"address"`
	OnlineURL         string `json:"online_url"`
	Status            string `json:"status"` // draft or published; empty means published
	// MinParticipants is the minimum of confirmed seats for the date to take place; 0 = none.
	MinParticipants int `json:"min_participants"`
	// VenueID picks a venue record for an in-person date; its name, city and address then
	// replace venue, city and address. null (or 0 on the HTML form) keeps the free text.
	VenueID *uint `json:"venue_id"`
	// TrainerIDs are the date's trainers in order; null keeps them, [] removes them.
	TrainerIDs []uint `json:"trainer_ids"`

	// PriceText and EarlyBirdText are the euro amounts as typed on the HTML form.
	PriceText     string `json:"-"`
	EarlyBirdText string `json:"-"`
	// MaxCapacity is the max_capacity setting, set by the handler (0 = DefaultMaxCapacity).
	MaxCapacity int `json:"-"`
}

// DateFromValues reads the HTML date form; prices are typed in euros ("490" or "490,50").
func DateFromValues(v url.Values) Date {
	return Date{
		StartsAt: v.Get("starts_at"), EndsAt: v.Get("ends_at"), Capacity: atoi(v.Get("capacity")),
		PriceText: v.Get("price_net"), EarlyBirdText: v.Get("early_bird_net"), EarlyBirdUntil: v.Get("early_bird_until"),
		Format: v.Get("format"), City: v.Get("city"), Venue: v.Get("venue"), Address: v.Get("address"),
		OnlineURL: v.Get("online_url"), Status: v.Get("status"), MinParticipants: atoiOrZero(v.Get("min_participants")),
		VenueID: optionalID(v.Get("venue_id")), TrainerIDs: ids(v["trainer_ids"]),
	}
}

// optionalID reads a chosen record id; "" (no choice) is nil, and anything that is no id is
// kept as 0 for Validate to refuse.
func optionalID(s string) *uint {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 32)
	id := uint(n)
	if err != nil {
		id = 0
	}
	return &id
}

// ids reads the ids of ticked checkboxes; none ticked is an empty, non-nil list. Anything that
// is no id is kept as 0 for Validate to refuse.
func ids(values []string) []uint {
	out := []uint{}
	for _, v := range values {
		n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 32)
		if err != nil {
			n = 0
		}
		out = append(out, uint(n))
	}
	return out
}

// atoiOrZero is atoi for an optional number: an empty field is 0.
func atoiOrZero(s string) int {
	if strings.TrimSpace(s) == "" {
		return 0
	}
	return atoi(s)
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return -1
	}
	return n
}

// eurosWhole is the euro part of an amount: digits, or digits grouped by thousands.
var eurosWhole = regexp.MustCompile(`^([0-9]+|[0-9]{1,3}([.,][0-9]{3})+)$`)

// ParseEuros reads an amount in euros as cents: "490", "490,50", "490.50", "1.490,50" or
// "1,490.50" (the separator that comes last with one or two digits after it is the decimal one).
// ok is false for anything else; an empty string is 0.
func ParseEuros(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "€")), " ", "")
	if s == "" {
		return 0, true
	}
	whole, frac := s, ""
	if i := strings.LastIndexAny(s, ",."); i >= 0 && len(s)-i-1 <= 2 {
		whole, frac = s[:i], s[i+1:]
	}
	if !eurosWhole.MatchString(whole) {
		return 0, false
	}
	whole = strings.NewReplacer(".", "", ",", "").Replace(whole)
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || f < 0 || w > 1_000_000 {
		return 0, false
	}
	return w*100 + f, true
}

// DefaultMaxCapacity is the largest capacity when MaxCapacity is unset (the max_capacity default).
const DefaultMaxCapacity = 100_000

func (f *Date) maxCapacity() int {
	if f.MaxCapacity > 0 {
		return f.MaxCapacity
	}
	return DefaultMaxCapacity
}

// Validate checks the date and returns it as a model value (without seminar and id).
func (f *Date) Validate(loc *time.Location) (model.SeminarDate, Errors) {
	errs := Errors{}
	d := model.SeminarDate{Capacity: f.Capacity, Format: f.Format, Status: f.Status}
	for field, v := range map[string]*string{"starts_at": &f.StartsAt, "ends_at": &f.EndsAt, "early_bird_until": &f.EarlyBirdUntil} {
		line(errs, field, v, 40, false)
	}
	if f.PriceText != "" || f.EarlyBirdText != "" {
		var ok bool
		if f.PriceNetCents, ok = ParseEuros(f.PriceText); !ok {
			errs.add("price_net_cents", "admin.error.price")
		}
		if f.EarlyBirdNetCents, ok = ParseEuros(f.EarlyBirdText); !ok {
			errs.add("early_bird_net_cents", "admin.error.price")
		}
	}
	var ok bool
	if d.StartsAt, ok = parseWhen(f.StartsAt, loc); !ok {
		errs.add("starts_at", "admin.error.when")
	}
	if d.EndsAt, ok = parseWhen(f.EndsAt, loc); !ok {
		errs.add("ends_at", "admin.error.when")
	} else if errs["starts_at"] == "" && !d.EndsAt.After(d.StartsAt) {
		errs.add("ends_at", "admin.error.ends_before_start")
	}
	if f.Capacity < 1 || f.Capacity > f.maxCapacity() {
		errs.add("capacity", "admin.error.capacity")
	}
	if f.MinParticipants < 0 || (errs["capacity"] == "" && f.MinParticipants > f.Capacity) {
		errs.add("min_participants", "admin.error.min_participants")
	}
	d.MinParticipants = f.MinParticipants
	if f.PriceNetCents < 0 || f.PriceNetCents > 100_000_000 {
		errs.add("price_net_cents", "admin.error.price")
	}
	d.PriceNetCents = f.PriceNetCents
	f.validateEarlyBird(&d, loc, errs)
	f.validatePlace(&d, errs)
	f.validatePeople(&d, errs)
	if d.Status == "" {
		d.Status = model.DatePublished
	}
	if d.Status != model.DateDraft && d.Status != model.DatePublished {
		errs.add("status", "admin.error.status")
	}
	return d, errs
}

func (f *Date) validateEarlyBird(d *model.SeminarDate, loc *time.Location, errs Errors) {
	if f.EarlyBirdNetCents == 0 && strings.TrimSpace(f.EarlyBirdUntil) == "" {
		return
	}
	if f.EarlyBirdNetCents <= 0 || f.EarlyBirdNetCents >= f.PriceNetCents {
		errs.add("early_bird_net_cents", "admin.error.early_bird_price")
	}
	day, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(f.EarlyBirdUntil), loc)
	if err != nil {
		errs.add("early_bird_until", "admin.error.day")
		return
	}
	until := day.AddDate(0, 0, 1).UTC() // the whole day counts
	d.EarlyBirdNetCents, d.EarlyBirdUntil = f.EarlyBirdNetCents, &until
}

func (f *Date) validatePlace(d *model.SeminarDate, errs Errors) {
	line(errs, "city", &f.City, model.MaxCityLen, false)
	line(errs, "venue", &f.Venue, model.MaxVenueLen, false)
	line(errs, "address", &f.Address, model.MaxAddressLen, false)
	validURL := line(errs, "online_url", &f.OnlineURL, model.MaxOnlineURLLen, false)
	d.City, d.Venue, d.Address, d.OnlineURL = f.City, f.Venue, f.Address, f.OnlineURL
	switch d.Format {
	case model.FormatInPerson:
		if d.City == "" && f.VenueID == nil {
			errs.add("city", msgRequired)
		}
	case model.FormatOnline:
		u, err := url.Parse(d.OnlineURL)
		if !validURL {
			break
		}
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			errs.add("online_url", "admin.error.online_url")
		}
	default:
		errs.add("format", "admin.error.format")
	}
}

// validatePeople checks the chosen venue and trainers; whether they exist is the use case's
// check (backoffice.CreateDate, UpdateDate).
func (f *Date) validatePeople(d *model.SeminarDate, errs Errors) {
	if f.VenueID != nil {
		if *f.VenueID == 0 {
			errs.add("venue_id", "admin.error.venue_unknown")
		}
		id := *f.VenueID
		d.VenueID = &id
	}
	if f.TrainerIDs == nil {
		return
	}
	if len(f.TrainerIDs) > model.MaxDateTrainers {
		errs.add("trainer_ids", "admin.error.trainers_many")
	}
	d.Trainers = []model.Trainer{}
	seen := map[uint]bool{}
	for _, id := range f.TrainerIDs {
		if id == 0 {
			errs.add("trainer_ids", "admin.error.trainer_unknown")
		}
		if !seen[id] {
			seen[id] = true
			d.Trainers = append(d.Trainers, model.Trainer{ID: id})
		}
	}
}

// parseWhen reads RFC 3339 or the HTML form's local "2006-01-02T15:04" in loc, and returns UTC.
func parseWhen(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), true
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// DateOf fills the form from a stored date, for editing, with times in loc.
func DateOf(d model.SeminarDate, loc *time.Location) Date {
	f := Date{
		StartsAt: d.StartsAt.In(loc).Format("2006-01-02T15:04"), EndsAt: d.EndsAt.In(loc).Format("2006-01-02T15:04"),
		Capacity: d.Capacity, PriceNetCents: d.PriceNetCents, EarlyBirdNetCents: d.EarlyBirdNetCents,
		Format: d.Format, City: d.City, Venue: d.Venue, Address: d.Address, OnlineURL: d.OnlineURL, Status: d.Status,
		PriceText: Euros(d.PriceNetCents), MinParticipants: d.MinParticipants,
		TrainerIDs: model.TrainerIDs(d.Trainers),
	}
	if d.VenueID != nil {
		id := *d.VenueID
		f.VenueID = &id
	}
	if d.EarlyBirdUntil != nil {
		f.EarlyBirdUntil = d.EarlyBirdUntil.In(loc).AddDate(0, 0, -1).Format("2006-01-02")
		f.EarlyBirdText = Euros(d.EarlyBirdNetCents)
	}
	return f
}

// Euros writes cents as the HTML forms expect them back: "490" or "490,50".
func Euros(cents int64) string {
	if cents%100 == 0 {
		return strconv.FormatInt(cents/100, 10)
	}
	return strconv.FormatInt(cents/100, 10) + "," + strconv.FormatInt(100+cents%100, 10)[1:]
}

// HasTrainer tells whether the form names trainer id, for the form's checkboxes.
func (f Date) HasTrainer(id uint) bool {
	for _, t := range f.TrainerIDs {
		if t == id {
			return true
		}
	}
	return false
}

// IsVenue tells whether the form picked venue id, for the form's choice.
func (f Date) IsVenue(id uint) bool { return f.VenueID != nil && *f.VenueID == id }
