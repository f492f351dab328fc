package web

import (
	"sort"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// JSON shapes of the admin API (documented in static/api/openapi.yaml; add fields, never rename).

type adminSeminarJSON struct {
	ID                uint     `json:"id"`
	Slug              string   `json:"slug"`
	TitleDE           string   `json:"title_de"`
	TitleEN           string   `json:"title_en"`
	TeaserDE          string   `json:"teaser_de"`
	TeaserEN          string   `json:"teaser_en"`
	Functions         []string `json:"functions"`
	DurationMinutes   int      `json:"duration_minutes"`
	DefaultPriceCents int64    `json:"default_price_cents"`
	Published         bool     `json:"published"`
	// Questions asked of each attendee (form.Question's shape, with its id).
	Questions []form.Question `json:"questions"`
	// The employer and funding notes (Bildungsurlaub/Bildungszeit approvals, certificate text).
	FundingApprovals  []model.FundingApproval `json:"funding_approvals"`
	CertificateTextDE string                  `json:"certificate_text_de"`
	CertificateTextEN string                  `json:"certificate_text_en"`
	// Group pricing: "global", "own" (with from_seat and percent_bp) or "off".
	GroupPricing   string `json:"group_pricing"`
	GroupFromSeat  int    `json:"group_from_seat"`
	GroupPercentBP int    `json:"group_percent_bp"`
}

func adminSeminarView(s model.Seminar) adminSeminarJSON {
	return adminSeminarJSON{
		ID: s.ID, Slug: s.Slug, TitleDE: s.TitleDE, TitleEN: s.TitleEN, TeaserDE: s.TeaserDE, TeaserEN: s.TeaserEN,
		Functions: s.Functions(), DurationMinutes: s.DurationMinutes, DefaultPriceCents: s.DefaultPriceCents, Published: s.Published,
		Questions:         form.SeminarOf(s).Questions,
		FundingApprovals:  append([]model.FundingApproval{}, s.FundingApprovals...),
		CertificateTextDE: s.CertificateTextDE, CertificateTextEN: s.CertificateTextEN,
		GroupPricing: s.GroupPricing, GroupFromSeat: s.GroupFromSeat, GroupPercentBP: s.GroupPercentBP,
	}
}

type adminDateJSON struct {
	ID                uint       `json:"id"`
	SeminarID         uint       `json:"seminar_id"`
	StartsAt          time.Time  `json:"starts_at"`
	EndsAt            time.Time  `json:"ends_at"`
	Capacity          int        `json:"capacity"`
	SeatsTaken        int        `json:"seats_taken"`
	SeatsLeft         int        `json:"seats_left"`
	PriceNetCents     int64      `json:"price_net_cents"`
	EarlyBirdNetCents int64      `json:"early_bird_net_cents,omitempty"`
	EarlyBirdUntil    *time.Time `json:"early_bird_until,omitempty"`
	Currency          string     `json:"currency"`
	Format            string     `json:"format"`
	City              string     `json:"city"`
	Venue             string     `json:"venue"`
	Address           string     `json:"address"`
	OnlineURL         string     `json:"online_url"`
	Status            string     `json:"status"`
	// The run decision: the minimum (0 = none), the seats of confirmed bookings, when the trainer
	// confirmed the date, and whether it is guaranteed to run (model.SeminarDate.Guaranteed).
	MinParticipants int        `json:"min_participants"`
	SeatsConfirmed  int        `json:"seats_confirmed"`
	RunConfirmedAt  *time.Time `json:"run_confirmed_at,omitempty"`
	Guaranteed      bool       `json:"guaranteed"`
	// VenueID is the venue record the date takes place at (absent for free text or online);
	// Trainers run the date, in order.
	VenueID  *uint             `json:"venue_id,omitempty"`
	Trainers []dateTrainerJSON `json:"trainers"`
	// Unlisted marks an in-house date made from an accepted offer (booked through its private
	// link only); FlatPriceNetCents is its flat price, when it has one.
	Unlisted          bool  `json:"unlisted"`
	FlatPriceNetCents int64 `json:"flat_price_net_cents,omitempty"`
}

func (s *Server) adminDateView(d model.SeminarDate) adminDateJSON {
	return adminDateJSON{
		ID: d.ID, SeminarID: d.SeminarID, StartsAt: d.StartsAt.UTC(), EndsAt: d.EndsAt.UTC(), Capacity: d.Capacity,
		SeatsTaken: d.SeatsTaken, SeatsLeft: d.SeatsLeft(), PriceNetCents: d.PriceNetCents,
		EarlyBirdNetCents: d.EarlyBirdNetCents, EarlyBirdUntil: d.EarlyBirdUntil, Currency: s.seller.Currency,
		Format: d.Format, City: d.City, Venue: d.Venue, Address: d.Address, OnlineURL: d.OnlineURL, Status: d.Status,
		MinParticipants: d.MinParticipants, SeatsConfirmed: d.SeatsConfirmed, RunConfirmedAt: utcPtr(d.RunConfirmedAt),
		Guaranteed: d.Guaranteed(), VenueID: d.VenueID, Trainers: dateTrainersView(d.Trainers),
		Unlisted: d.Unlisted, FlatPriceNetCents: d.FlatPriceNetCents,
	}
}

// utcPtr is t in UTC, nil stays nil.
func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

type adminBookingJSON struct {
	Reference             string              `json:"reference"`
	Status                model.BookingStatus `json:"status"`
	PaymentMethod         string              `json:"payment_method"`
	PaymentStatus         model.PaymentStatus `json:"payment_status"`
	DateID                uint                `json:"date_id"`
	Seminar               string              `json:"seminar"`
	Company               string              `json:"company"`
	Name                  string              `json:"name"`
	Email                 string              `json:"email"`
	Seats                 int                 `json:"seats"`
	TotalGrossCents       int64               `json:"total_gross_cents"`
	AmountDueCents        int64               `json:"amount_due_cents"`
	AmountRefundableCents int64               `json:"amount_refundable_cents"`
	CreatedAt             time.Time           `json:"created_at"`
}

func adminBookingView(b model.Booking, a model.Account) adminBookingJSON {
	v := adminBookingJSON{
		Reference: b.Reference, Status: b.Status, PaymentMethod: b.PaymentMethod, PaymentStatus: b.PaymentStatus,
		DateID: b.DateID, Company: b.Billing.Company, Name: b.Billing.Name, Email: b.Billing.Email,
		Seats: b.Seats, TotalGrossCents: b.GrossCents, CreatedAt: b.CreatedAt.UTC(),
		AmountDueCents: a.AmountDue, AmountRefundableCents: a.AmountRefundable,
	}
	if b.Date != nil && b.Date.Seminar != nil {
		v.Seminar = b.Date.Seminar.TitleDE
	}
	return v
}

type adminAttendeeJSON struct {
	ID            uint                `json:"id"`
	FirstName     string              `json:"first_name"`
	LastName      string              `json:"last_name"`
	Email         string              `json:"email"`
	Company       string              `json:"company"`
	Reference     string              `json:"reference"`
	BookingStatus model.BookingStatus `json:"booking_status"`
	PaymentStatus model.PaymentStatus `json:"payment_status"`
	CheckedInAt   *time.Time          `json:"checked_in_at"`
	// Answers to the seminar's questions by question id (stored values: a choice's German
	// option, "yes"/"no"); sensitive answers only until the date has ended.
	Answers map[string]string `json:"answers,omitempty"`
}

// attendeeRow is one attendee with the booking that brought them, for lists and exports.
type attendeeRow struct {
	model.Attendee
	Booking model.Booking
}

func attendeeRows(bookings []model.Booking) []attendeeRow {
	rows := []attendeeRow{}
	for _, b := range bookings {
		bare := b
		bare.Attendees = nil
		for _, a := range b.Attendees {
			rows = append(rows, attendeeRow{Attendee: a, Booking: bare})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		return strings.ToLower(rows[i].LastName+" "+rows[i].FirstName) < strings.ToLower(rows[j].LastName+" "+rows[j].FirstName)
	})
	return rows
}

func adminAttendeeView(r attendeeRow) adminAttendeeJSON {
	return adminAttendeeJSON{
		ID: r.ID, FirstName: r.FirstName, LastName: r.LastName, Email: r.Email, Company: r.Booking.Billing.Company,
		Reference: r.Booking.Reference, BookingStatus: r.Booking.Status, PaymentStatus: r.Booking.PaymentStatus, CheckedInAt: r.CheckedInAt,
	}
}
