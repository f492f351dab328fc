package web

import (
	"time"

	"seminars/internal/model"
)

// JSON shapes of the public API (the contract in DESIGN.md; add fields, never rename).

type seminarJSON struct {
	ID              uint       `json:"id"`
	Slug            string     `json:"slug"`
	Title           string     `json:"title"`
	Teaser          string     `json:"teaser"`
	Functions       []string   `json:"functions"`
	DurationMinutes int        `json:"duration_minutes"`
	URL             string     `json:"url"`
	Dates           []dateJSON `json:"dates"`
	// Questions the booker may answer per attendee ("answers" in POST /api/v1/bookings, by id);
	// the sensitive ones are left out: each attendee answers those on their own page.
	Questions []questionJSON `json:"questions,omitempty"`
}

type questionJSON struct {
	ID       uint                 `json:"id"`
	Kind     model.QuestionKind   `json:"kind"`
	Label    string               `json:"label"`
	Options  []questionOptionJSON `json:"options,omitempty"`
	Required bool                 `json:"required"`
}

type questionOptionJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

type dateJSON struct {
	ID              uint       `json:"id"`
	SeminarID       uint       `json:"seminar_id"`
	StartsAt        time.Time  `json:"starts_at"`
	EndsAt          time.Time  `json:"ends_at"`
	Capacity        int        `json:"capacity"`
	SeatsLeft       int        `json:"seats_left"`
	PriceNetCents   int64      `json:"price_net_cents"`
	PriceGrossCents int64      `json:"price_gross_cents"`
	RegularNetCents int64      `json:"regular_price_net_cents"`
	EarlyBirdUntil  *time.Time `json:"early_bird_until,omitempty"`
	Currency        string     `json:"currency"`
	Format          string     `json:"format"`
	City            string     `json:"city"`
	Venue           string     `json:"venue"`
	Address         string     `json:"address"`
	Status          string     `json:"status"`
	// MinParticipants is the minimum of confirmed seats for the date to run (0 = none);
	// Guaranteed says it runs: the trainer confirmed it, or the confirmed seats reach the minimum.
	MinParticipants int  `json:"min_participants"`
	Guaranteed      bool `json:"guaranteed"`
	// Room and MapURL come from the date's venue record; Trainers run the date, in order.
	Room     string            `json:"room,omitempty"`
	MapURL   string            `json:"map_url,omitempty"`
	Trainers []dateTrainerJSON `json:"trainers"`
}

func (s *Server) seminarView(sem model.Seminar, lang string, now time.Time) seminarJSON {
	out := seminarJSON{
		ID: sem.ID, Slug: sem.Slug, Title: sem.Title(lang), Teaser: sem.Teaser(lang),
		Functions: sem.Functions(), DurationMinutes: sem.DurationMinutes,
		URL: s.cfg.BaseURL + "/seminars/" + sem.Slug, Dates: []dateJSON{},
	}
	for _, d := range sem.Dates {
		out.Dates = append(out.Dates, s.dateView(d, now))
	}
	for _, q := range sem.Questions {
		if q.Sensitive {
			continue
		}
		v := questionJSON{ID: q.ID, Kind: q.Kind, Label: q.Label(lang), Required: q.Required}
		for _, o := range q.LabelledOptions(lang) {
			v.Options = append(v.Options, questionOptionJSON{Value: o.Value, Label: o.Label})
		}
		out.Questions = append(out.Questions, v)
	}
	return out
}

func (s *Server) dateView(d model.SeminarDate, now time.Time) dateJSON {
	unit := d.UnitPriceNetCents(now)
	v := dateJSON{
		ID: d.ID, SeminarID: d.SeminarID, StartsAt: d.StartsAt.UTC(), EndsAt: d.EndsAt.UTC(),
		Capacity: d.Capacity, SeatsLeft: d.SeatsLeft(), PriceNetCents: unit,
		PriceGrossCents: s.domesticTax().Totals(unit).GrossCents, RegularNetCents: d.PriceNetCents,
		Currency: s.seller.Currency, Format: d.Format, City: d.City, Venue: d.Venue, Address: d.Address, Status: d.Status,
		MinParticipants: d.MinParticipants, Guaranteed: d.Guaranteed(), Trainers: dateTrainersView(d.Trainers),
	}
	if r := d.VenueRecord; r != nil && d.Format == model.FormatInPerson {
		v.Room, v.MapURL = r.Room, r.MapURL
	}
	if d.EarlyBirdActive(now) {
		v.EarlyBirdUntil = d.EarlyBirdUntil
	}
	return v
}

type attendeeJSON struct {
	FirstName   string     `json:"first_name"`
	LastName    string     `json:"last_name"`
	Email       string     `json:"email"`
	CheckedInAt *time.Time `json:"checked_in_at,omitempty"`
	// Answers the booker gave to the seminar's questions, by question id (never the sensitive
	// ones, which the attendee gave for themselves).
	Answers map[string]string `json:"answers,omitempty"`
}

type documentJSON struct {
	Kind     string `json:"kind"`
	URL      string `json:"url"`
	Number   string `json:"number,omitempty"`   // invoice, credit note, e-invoice
	Attendee string `json:"attendee,omitempty"` // certificate
}

type bookingJSON struct {
	Reference     string              `json:"reference"`
	Status        model.BookingStatus `json:"status"`
	PaymentMethod string              `json:"payment_method"`
	PaymentStatus model.PaymentStatus `json:"payment_status"`
	DateID        uint                `json:"date_id"`
	Seminar       string              `json:"seminar,omitempty"`
	StartsAt      *time.Time          `json:"starts_at,omitempty"`
	Attendees     []attendeeJSON      `json:"attendees"`
	Billing       billingJSON         `json:"billing"`
	VoucherCode   string              `json:"voucher,omitempty"`
	DiscountCents int64               `json:"discount_net_cents"`
	// GroupDiscountCents is the group discount (docs/pricing.md), before the voucher's.
	GroupDiscountCents int64 `json:"group_discount_net_cents"`
	TotalNetCents      int64 `json:"total_net_cents"`
	TotalVATCents      int64 `json:"total_vat_cents"`
	TotalGrossCents    int64 `json:"total_gross_cents"`
	// AmountDueCents is what the booker owes now, AmountRefundableCents what the seller owes the
	// booker now (model.AccountOf: issued documents against the payments ledger).
	AmountDueCents        int64          `json:"amount_due_cents"`
	AmountRefundableCents int64          `json:"amount_refundable_cents"`
	Currency              string         `json:"currency"`
	HoldExpiresAt         *time.Time     `json:"hold_expires_at,omitempty"`
	Documents             []documentJSON `json:"documents"`
	CreatedAt             time.Time      `json:"created_at"`
}

type billingJSON struct {
	Company    string `json:"company"`
	Name       string `json:"name"`
	Email      string `json:"email"`
	Street     string `json:"street"`
	PostalCode string `json:"postal_code"`
	City       string `json:"city"`
	Country    string `json:"country"`
	VATID      string `json:"vat_id"`
	PONumber   string `json:"po_number"`
	// BuyerReference is the Leitweg-ID or order reference put on the e-invoice.
	BuyerReference string `json:"buyer_reference,omitempty"`
}

func (s *Server) bookingView(b model.Booking, lang string) bookingJSON {
	out := bookingJSON{
		Reference: b.Reference, Status: b.Status, PaymentMethod: b.PaymentMethod, PaymentStatus: b.PaymentStatus,
		DateID: b.DateID, Attendees: []attendeeJSON{}, Documents: []documentJSON{},
		Billing: billingJSON(b.Billing), VoucherCode: b.VoucherCode, DiscountCents: b.DiscountCents, GroupDiscountCents: b.GroupDiscountCents, TotalNetCents: b.NetCents, TotalVATCents: b.VATCents,
		TotalGrossCents: b.GrossCents, Currency: s.seller.Currency, HoldExpiresAt: b.HoldExpiresAt, CreatedAt: b.CreatedAt.UTC(),
	}
	if b.Date != nil {
		starts := b.Date.StartsAt.UTC()
		out.StartsAt = &starts
		if b.Date.Seminar != nil {
			out.Seminar = b.Date.Seminar.Title(lang)
		}
	}
	for _, a := range b.Attendees {
		out.Attendees = append(out.Attendees, attendeeJSON{FirstName: a.FirstName, LastName: a.LastName, Email: a.Email, CheckedInAt: a.CheckedInAt})
	}
	return out
}

// manageURL is the private link through which a booker manages a booking.
func (s *Server) manageURL(reference, token string) string {
	return s.cfg.BaseURL + "/b/" + reference + "?t=" + token
}
