package model

// Event names what happened to a booking, a date or an attendee; it is stored in the payload of
// a mail.event outbox item.
type Event string

// Booking events. Use cases record them in the outbox (TopicMailEvent) in the same transaction
// as the change; the mail worker turns each into the messages it calls for (billing contact,
// each attendee) in the booking's language.
const (
	EventBookingReceived     Event = "booking_received"     // card booking holds seats, payment pending
	EventBookingConfirmed    Event = "booking_confirmed"    // seats sold (invoice booking, or payment arrived)
	EventHoldExpired         Event = "hold_expired"         // unpaid hold released
	EventBookingCancelled    Event = "booking_cancelled"    // cancelled by booker or trainer
	EventBookingRefunded     Event = "booking_refunded"     // money sent back
	EventPaymentReceived     Event = "payment_received"     // a recorded payment settled what was due
	EventDateRescheduled     Event = "date_rescheduled"     // date/time/place changed: updated invite
	EventDateCancelled       Event = "date_cancelled"       // the date will not take place
	EventAttendeeSubstituted Event = "attendee_substituted" // one attendee replaced by another
	EventAttendeeMoved       Event = "attendee_moved"       // attendee moved to another date
	EventReminder            Event = "reminder"             // N days before the date
	EventWaitlistOffer       Event = "waitlist_offer"       // a seat is free for someone waiting
	EventCertificate         Event = "certificate"          // certificate of attendance after the date
	EventItemParked          Event = "item_parked"          // a background item was set aside as failed; owners are told
	// EventPaymentMismatch tells the owners that a Stripe event for a booking was not counted as
	// its payment (Extra: StripeEvent, StripeEventType, Reason).
	EventPaymentMismatch Event = "payment_mismatch"
	// EventBookingCorrected tells the billing contact that an issued invoice was replaced: a
	// credit note cancels it and a new invoice states the new facts (Extra: Reason = the
	// Correction, CreditNoteID, InvoiceID, FromDateID for a move).
	EventBookingCorrected Event = "booking_corrected"
	// EventDocumentResent sends one issued document again, as stored, to the billing contact
	// (Extra.InvoiceID) because someone asked the trainer for it.
	EventDocumentResent Event = "document_resent"
	// EventPasswordReset mails a staff user the link to set a new password (Lang, Extra.Email,
	// Extra.ResetToken; the token is removed from the row when the event is expanded).
	EventPasswordReset Event = "password_reset"
	// EventDateConfirmed tells every confirmed booking on a date (billing contact and attendees)
	// that the trainer confirmed it takes place.
	EventDateConfirmed Event = "date_confirmed"
	// EventDecisionDue tells the owners that a date is still below its minimum inside the
	// decision window: confirm it or cancel it.
	EventDecisionDue Event = "decision_due"
	// EventInquiryReceived tells the owners about a new in-house inquiry and confirms it to the
	// requester (Extra.InquiryID).
	EventInquiryReceived Event = "inquiry_received"
	// EventWaitlistJoined confirms a place on a waiting list, with the link to leave it.
	EventWaitlistJoined Event = "waitlist_joined"
	// EventOfferSent mails an in-house offer to the company: its stored PDF and the private link
	// to accept it (Extra.OfferID).
	EventOfferSent Event = "offer_sent"
	// EventOfferAccepted tells the company that its accepted offer became a date, with the private
	// link to book its attendees, and the owners that it was accepted (Extra.OfferID).
	EventOfferAccepted Event = "offer_accepted"
	// EventPaymentReminder reminds the billing contact of an invoice past its due date.
	EventPaymentReminder Event = "payment_reminder"
	// EventFeedbackRequest asks a checked-in attendee who agreed to be asked for their feedback
	// on a date that ended (AttendeeID, DateID).
	EventFeedbackRequest Event = "feedback_request"
)

// Correction is what changed on a booking whose invoice was corrected; it is the reason of the
// booking_corrected event and names the change in the mail and on the credit note.
type Correction string

// Corrections: the facts an invoice states that can change after it was issued.
const (
	CorrectionDate      Correction = "date"      // moved to another date (service date, §14 Abs. 4 Nr. 6 UStG)
	CorrectionAttendees Correction = "attendees" // fewer attendees (one moved to a booking of its own)
	CorrectionBilling   Correction = "billing"   // billing address, company, VAT ID or PO number
	CorrectionPrice     Correction = "price"     // the price (unit price or discount)
)

// EventPayload is the JSON payload of a mail.event outbox item. Only ids and the facts that a
// later state can no longer tell (an old e-mail address, an old date) are stored; everything
// else is read fresh when the message is rendered.
//
// Which fields an event carries beyond its ids:
//
//	booking_received, booking_confirmed  Extra.ManageToken (the first billing mail's link)
//	booking_refunded      Extra.AmountCents
//	payment_received      Extra.AmountCents (the payment that settled the booking)
//	attendee_substituted  AttendeeID = the new attendee; OldEmail, OldName; Extra.OldAttendeeID
//	                      when the replacement is a new row
//	attendee_moved        AttendeeID or Extra.AttendeeIDs, DateID = the new date; Extra.FromDateID,
//	                      Extra.AttendeesOnly
//	inquiry_received      Extra.InquiryID (the requester's language is the inquiry's; owners read German)
//	offer_sent, offer_accepted  Extra.OfferID (the company's language is the offer's)
//	waitlist_joined       DateID, Lang, Extra.Name, Email, Seats, URL (the leave link)
//	payment_reminder      BookingID, Extra.InvoiceID, AmountCents (due when decided), Step, InvoiceDue
//	date_rescheduled, date_cancelled  DateID; with BookingID only that booking is told
//	date_confirmed, decision_due      DateID
//	waitlist_offer        DateID, Lang, Extra.Name, Email, Seats, URL, Until
//	item_parked           Extra.OutboxID, Topic, Key, Error
//	booking_corrected     Extra.Reason (a Correction), CreditNoteID, InvoiceID; FromDateID after a move
//	document_resent       Extra.InvoiceID (the invoice or credit note to send again)
//	password_reset        Lang, Extra.Email, ResetToken, Until (the link's end)
//	feedback_request      BookingID, DateID, AttendeeID
type EventPayload struct {
	Event      Event `json:"event"`
	BookingID  uint  `json:"booking_id,omitempty"`
	DateID     uint  `json:"date_id,omitempty"`
	AttendeeID uint  `json:"attendee_id,omitempty"`
	// OldEmail/OldName tell a substituted attendee that their seat went to someone else.
	OldEmail string `json:"old_email,omitempty"`
	OldName  string `json:"old_name,omitempty"`
	// Lang is the language to write in when no booking says it (e.g. a waiting-list offer).
	Lang string `json:"lang,omitempty"`
	// Extra are the facts only some events carry.
	Extra EventExtra `json:"extra,omitzero"`
}

// EventExtra are the event-specific facts of an EventPayload. They are stored as the JSON
// object "extra" with string values (numbers quoted), the shape outbox items always had, so
// items written by an earlier version read the same.
type EventExtra struct {
	// ManageToken is the manage link's secret, riding along with the first billing mail's
	// event; the mail worker deletes it from the outbox once it is used. It is the only place a
	// manage token is stored in clear.
	ManageToken string `json:"manage_token,omitempty"`
	// AmountCents is how much a booking_refunded event sent back (a partial refund keeps a fee).
	AmountCents int64 `json:"amount_cents,string,omitempty"`
	// OldAttendeeID is the replaced attendee's row when a substitution made a new one.
	OldAttendeeID uint `json:"old_attendee_id,string,omitempty"`
	// FromDateID is the date an attendee was moved away from.
	FromDateID uint `json:"from_date_id,string,omitempty"`

	// Name, Email and Seats are who a waiting-list offer goes to and for how many seats; URL is
	// where to book (or, for a certificate, where to download it) and Until the offer's
	// deadline as RFC 3339.
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Seats int    `json:"seats,string,omitempty"`
	URL   string `json:"url,omitempty"`
	Until string `json:"until,omitempty"`

	// OutboxID, Topic, Key and Error describe a parked item to the owners.
	OutboxID uint   `json:"outbox_id,string,omitempty"`
	Topic    Topic  `json:"topic,omitempty"`
	Key      string `json:"key,omitempty"`
	Error    string `json:"error,omitempty"`

	// StripeEvent, StripeEventType and Reason describe a Stripe event that was not counted as
	// the booking's payment, and what did not match.
	StripeEvent     string `json:"stripe_event,omitempty"`
	StripeEventType string `json:"stripe_event_type,omitempty"`
	Reason          string `json:"reason,omitempty"`

	// CreditNoteID and InvoiceID are the documents a booking_corrected event issued: the credit
	// note cancelling the old invoice and the new invoice, both attached to its mail.
	CreditNoteID uint `json:"credit_note_id,string,omitempty"`
	// BillingOnly keeps a booking_confirmed event from the attendees: an attendee moved to a
	// booking of their own is told by the move notice.
	BillingOnly bool `json:"billing_only,string,omitempty"`
	InvoiceID   uint `json:"invoice_id,string,omitempty"`

	// ResetToken is a password reset link's secret, riding along with its event like
	// ManageToken and removed from the outbox the same way.
	ResetToken string `json:"reset_token,omitempty"`
	// AttendeeIDs are the attendees one move took to another date: the move is one event, so the
	// billing contact gets one message naming them all (an older attendee_moved event names its
	// one attendee in AttendeeID). AttendeesOnly leaves the billing contact out, when the same
	// change already writes to them (the correction mail with the new documents, or the
	// confirmation of a booking split off for the moved attendee).
	AttendeeIDs   IDList `json:"attendee_ids,omitempty"`
	AttendeesOnly bool   `json:"attendees_only,string,omitempty"`
	// InquiryID is the in-house inquiry an inquiry_received event is about.
	InquiryID uint `json:"inquiry_id,string,omitempty"`
	// OfferID is the in-house offer an offer_sent or offer_accepted event is about.
	OfferID uint `json:"offer_id,string,omitempty"`
	// InvoiceDue is the due date (YYYY-MM-DD) and Step the number of a payment reminder.
	InvoiceDue string `json:"invoice_due,omitempty"`
	Step       int    `json:"step,string,omitempty"`
}
