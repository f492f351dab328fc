package model

// Booking events. Use cases record them in the outbox (topic "mail.event") in the same
// transaction as the change; the mail worker turns each into the messages it calls for
// (billing contact, each attendee) in the booking's language.
const (
	EventBookingReceived     = "booking_received"     // card booking holds seats, payment pending
	EventBookingConfirmed    = "booking_confirmed"    // seats sold (invoice booking, or payment arrived)
	EventHoldExpired         = "hold_expired"         // unpaid hold released
	EventBookingCancelled    = "booking_cancelled"    // cancelled by booker or trainer
	EventBookingRefunded     = "booking_refunded"     // money sent back
	EventDateRescheduled     = "date_rescheduled"     // date/time/place changed: updated invite
	EventDateCancelled       = "date_cancelled"       // the date will not take place
	EventAttendeeSubstituted = "attendee_substituted" // one attendee replaced by another
	EventAttendeeMoved       = "attendee_moved"       // attendee moved to another date
	EventReminder            = "reminder"             // N days before the date
	EventWaitlistOffer       = "waitlist_offer"       // a seat is free for someone waiting
	EventCertificate         = "certificate"          // certificate of attendance after the date
	// EventItemParked tells the owners that a background item was set aside as failed; Extra
	// carries "outbox_id", "topic", "key" and "error".
	EventItemParked = "item_parked"
	// EventPaymentMismatch tells the owners that a Stripe event for a booking was not counted as
	// its payment; Extra carries "stripe_event", "stripe_event_type" and "reason".
	EventPaymentMismatch = "payment_mismatch"
)

// TopicMailEvent is the outbox topic of booking events that lead to mail.
const TopicMailEvent = "mail.event"

// EventPayload is the JSON payload of a mail.event outbox item. Only ids and the facts that a
// later state can no longer tell (an old e-mail address, an old date) are stored; everything
// else is read fresh when the message is rendered.
type EventPayload struct {
	Event      string `json:"event"`
	BookingID  uint   `json:"booking_id,omitempty"`
	DateID     uint   `json:"date_id,omitempty"`
	AttendeeID uint   `json:"attendee_id,omitempty"`
	// OldEmail/OldName tell a substituted attendee that their seat went to someone else.
	OldEmail string `json:"old_email,omitempty"`
	OldName  string `json:"old_name,omitempty"`
	// Lang is the language to write in when no booking says it (e.g. a waiting-list offer).
	Lang string `json:"lang,omitempty"`
	// Extra carries event-specific values (e.g. an offer's deadline as RFC 3339).
	Extra map[string]string `json:"extra,omitempty"`
}
