package web

import (
	"time"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// Data the page templates receive in Page.Data.

type catalogueData struct {
	Seminars []model.Seminar // the seminars of this page
	Page     cataloguePage
	Filter   catalogueFilter
	Options  filterOptions
	// Tax prices what the page shows: German tax under the seller's mode.
	Tax model.Tax
	Now time.Time
}

type seminarData struct {
	Seminar model.Seminar
	// Tax prices what the page shows: German tax under the seller's mode.
	Tax model.Tax
	Now time.Time
	// JSONLD is the schema.org description of the seminar and its dates, for search engines.
	JSONLD jsonldCourse
	// Group is the group discount the seminar's bookings get (model.GroupRuleOf).
	Group model.GroupRule
	// Quotes are what attendees agreed to publish (and the trainer did not hide), newest first.
	Quotes []model.Feedback
}

// Description is a seminar page's meta description: its teaser.
func (d seminarData) Description(lang string) string { return d.Seminar.Teaser(lang) }

type bookingFormData struct {
	Date model.SeminarDate
	Form form.Booking
	// Tax prices what the page shows: German tax under the seller's mode.
	Tax       model.Tax
	Now       time.Time
	Countries []string
	Problem   string // a message about the whole form, e.g. "only 2 seats left"
	// MaxAttendees is how many rows one booking may have; at it "+ Weitere Person" is not offered.
	MaxAttendees int
	// FocusRow is the row (1-based) whose first field takes the focus, the row just added or the
	// last row after one was removed; 0 leaves the focus alone.
	FocusRow int
	// Full is a date with no seat left: the page offers its waiting list and the seminar's other
	// dates instead of the form, which could only be refused.
	Full bool
	// OfferWaitlist links the waiting list from a refusal that left too few seats for the booking.
	OfferWaitlist bool
	// OtherDates are the seminar's other bookable dates with free seats, for a full date or a
	// refusal.
	OtherDates []model.SeminarDate
	// Questions are asked per attendee row (the seminar's questions that are not sensitive).
	Questions []model.SeminarQuestion
	// SensitiveAsked tells the booker that each attendee is asked the sensitive questions on
	// their own page.
	SensitiveAsked bool
	// Total is the price of the form as it stands (nil for a full date): rendered with the page and
	// again by the total's own endpoint when a field changes.
	Total *formTotalData
	// Key is an unlisted (in-house) date's private key, carried in the form's address.
	Key string
}

type bookingShowData struct {
	Booking   model.Booking
	Token     string
	Created   bool
	CanCancel bool // the manage page offers cancelling (before the start)
	Documents []documentJSON
	// SubstituteUntil is when attendees can last be replaced; nil when that is no longer possible.
	SubstituteUntil *time.Time
	// Substitute is the substitution form as typed, when it had errors.
	Substitute *form.Substitute
	// Settlement is where a cancelled booking's money stands ("storniert · 595,00 € Stornogebühr
	// offen"), shown instead of the payment status; "" for a booking that is not cancelled.
	Settlement string
	// Move is the booker's move to another date; nil when the booking can no longer move.
	Move *moveOffer
	// Attendees is adding or cancelling one attendee; nil when attendees can no longer change.
	Attendees *attendeeOffer
	// Questions are the seminar's questions the booker answers (never the sensitive ones), and
	// Answers the answers given, by attendee: the page shows them and asks them of a newcomer.
	Questions []model.SeminarQuestion
	Answers   map[uint]model.Answers
}

// moveOffer is the manage page's move section: the dates with room until the free move ends,
// or, once cancelling costs a fee, the advice to contact the trainer.
type moveOffer struct {
	Until   time.Time
	Open    bool // free: the form is shown
	Targets []model.SeminarDate
	Problem string
	Done    bool // the booking was just moved
}

// Typed is the substitution form as typed, or an empty one.
func (d bookingShowData) Typed() form.Substitute {
	if d.Substitute == nil {
		return form.Substitute{}
	}
	return *d.Substitute
}

// GrossOf is a net price as a customer in Germany pays it (model.Tax.Totals), for templates.
func (d catalogueData) GrossOf(net int64) int64 { return d.Tax.Totals(net).GrossCents }

// GrossOf is a net price as a customer in Germany pays it (model.Tax.Totals), for templates.
func (d seminarData) GrossOf(net int64) int64 { return d.Tax.Totals(net).GrossCents }

// GrossOf is a net price as a customer in Germany pays it (model.Tax.Totals), for templates.
func (d bookingFormData) GrossOf(net int64) int64 { return d.Tax.Totals(net).GrossCents }

// Rows is how many attendee rows the form shows.
func (d bookingFormData) Rows() int { return max(len(d.Form.Attendees), 1) }

// Attendee returns row i of the form, empty when the row is new.
func (d bookingFormData) Attendee(i int) form.Attendee {
	if i < len(d.Form.Attendees) {
		return d.Form.Attendees[i]
	}
	return form.Attendee{}
}

// domesticTax is the tax of a booking supplied in Germany, which the catalogue and the booking
// form show before the billing address decides the booking's own (model.DecideTax).
func (s *Server) domesticTax() model.Tax {
	return model.DomesticTax(s.seller.TaxMode, s.bookings.Settings().VATRateBP)
}
