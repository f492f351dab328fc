package mail

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// The fields each event carries are listed at model.EventPayload. A manage token
// (Extra.ManageToken) is removed from the event row when the event is expanded and from the
// message row once the message is delivered.

// expander turns one event into its messages, reading the current state of the booking.
type expander struct {
	c   composer
	q   store.Reads
	now time.Time
	key string // the event item's key, the root of every message key
	ev  model.EventPayload
}

// expand lists the messages an event calls for.
func (x expander) expand(ctx context.Context) ([]outgoing, error) {
	switch x.ev.Event {
	case model.EventBookingReceived, model.EventHoldExpired, model.EventBookingRefunded, model.EventPaymentReceived:
		return x.forBooking(ctx, noInvite, "")
	case model.EventBookingConfirmed:
		return x.forBooking(ctx, inviteRequest, "attendee_confirmed")
	case model.EventBookingCancelled:
		return x.forBooking(ctx, inviteCancel, "attendee_booking_cancelled")
	case model.EventDateRescheduled:
		return x.forDate(ctx, false, inviteRequest, "attendee_rescheduled")
	case model.EventDateCancelled:
		return x.forDate(ctx, true, inviteCancel, "attendee_date_cancelled")
	case model.EventDateConfirmed:
		return x.forDate(ctx, false, noInvite, "attendee_date_confirmed")
	case model.EventDecisionDue:
		return x.decisionDue(ctx)
	case model.EventAttendeeSubstituted:
		return x.substituted(ctx)
	case model.EventAttendeeMoved:
		return x.moved(ctx)
	case model.EventReminder:
		return x.toOneAttendee(ctx, "attendee_reminder", noInvite, "")
	case model.EventCertificate:
		return x.certificate(ctx)
	case model.EventWaitlistOffer:
		return x.waitlistOffer(ctx)
	case model.EventItemParked:
		return x.itemParked(ctx)
	case model.EventPaymentMismatch:
		return x.paymentMismatch(ctx)
	case model.EventBookingCorrected:
		return x.corrected(ctx)
	case model.EventDocumentResent:
		return x.documentResent(ctx)
	case model.EventPasswordReset:
		return x.passwordReset(ctx)
	case model.EventInquiryReceived:
		return x.inquiryReceived(ctx)
	case model.EventOfferSent:
		return x.offerSent(ctx)
	case model.EventOfferAccepted:
		return x.offerAccepted(ctx)
	case model.EventWaitlistJoined:
		return x.waitlistJoined(ctx)
	case model.EventPaymentReminder:
		return x.paymentReminder(ctx)
	case model.EventAttendeeAdded:
		return x.attendeeAdded(ctx)
	case model.EventAttendeeCancelled:
		return x.attendeeCancelled(ctx)
	case model.EventFeedbackRequest:
		return x.feedbackRequest(ctx)
	}
	return nil, worker.Permanent(fmt.Errorf("mail: unknown event %q", x.ev.Event))
}

// billingKind names the billing contact's message for an event.
func billingKind(event model.Event) string { return "billing_" + string(event) }

// forBooking writes to the billing contact and, if attendeeKind is set, to each attendee. Attendees
// who were never confirmed never got an invite, so they get no cancellation either.
func (x expander) forBooking(ctx context.Context, inv invite, attendeeKind string) ([]outgoing, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	out, err := x.billing(ctx, b, billingKind(x.ev.Event), x.ev.Extra.ManageToken)
	if err == nil && x.ev.Event == model.EventBookingConfirmed {
		err = x.attachInvoice(ctx, &out[0].msg, b)
	}
	if err != nil || attendeeKind == "" || b.ConfirmedAt == nil || x.ev.Extra.BillingOnly {
		return out, err
	}
	return x.appendAttendees(out, b, b.Date, attendeeKind, inv)
}

// forDate writes to every booking on a date (or the one named): billing contact and attendees.
// A cancelled date's bookings may already be cancelled in the same transaction, so for it every
// booking that was ever confirmed is told.
func (x expander) forDate(ctx context.Context, everConfirmed bool, inv invite, attendeeKind string) ([]outgoing, error) {
	var bookings []model.Booking
	if x.ev.BookingID != 0 {
		b, err := x.q.BookingByID(ctx, x.ev.BookingID)
		if err != nil {
			return nil, err
		}
		bookings = []model.Booking{b}
	} else {
		var err error
		if bookings, err = x.q.BookingsToNotify(ctx, x.ev.DateID, everConfirmed); err != nil {
			return nil, err
		}
	}
	var out []outgoing
	for _, b := range bookings {
		if !x.ev.Extra.AttendeesOnly {
			msgs, err := x.billing(ctx, b, billingKind(x.ev.Event), "")
			if err != nil {
				return nil, err
			}
			out = append(out, msgs...)
		}
		var err error
		if out, err = x.appendAttendees(out, b, b.Date, attendeeKind, inv); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// billing is the one message to the booking's billing contact; after a cancellation it carries
// the credit note and what it means for the money (settle).
func (x expander) billing(ctx context.Context, b model.Booking, kind, token string) ([]outgoing, error) {
	extra := map[string]string{}
	if b.HoldExpiresAt != nil {
		extra["Until"] = x.c.formatTime(b.Language, *b.HoldExpiresAt)
	}
	if x.ev.Event == model.EventBookingRefunded {
		extra["Amount"] = x.c.i18n.For(b.Language).Money(refundedCents(x.ev, b))
	}
	if x.ev.Event == model.EventPaymentReceived {
		extra["Amount"] = x.c.i18n.For(b.Language).Money(x.ev.Extra.AmountCents)
	}
	l := letter{
		kind: kind, lang: b.Language, to: Address{Name: b.Billing.Name, Email: b.Billing.Email},
		booking: &b, date: b.Date, token: token, withBill: true, now: x.now, extra: extra,
		key: sendKey(x.key, "booking", strconv.FormatUint(uint64(b.ID), 10), "billing"),
	}
	if settlesMoney(x.ev.Event) {
		if err := x.settle(ctx, b, &l); err != nil {
			return nil, err
		}
	}
	o, err := x.c.build(l)
	return []outgoing{o}, err
}

// appendAttendees adds one message per attendee, each addressed to that attendee alone.
func (x expander) appendAttendees(out []outgoing, b model.Booking, d *model.SeminarDate, kind string, inv invite) ([]outgoing, error) {
	for _, a := range b.Attendees {
		o, err := x.attendee(b, d, a, kind, inv, "")
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// attendee is one message to one attendee about one date.
func (x expander) attendee(b model.Booking, d *model.SeminarDate, a model.Attendee, kind string, inv invite, action string) (outgoing, error) {
	to := Address{Name: a.FullName(), Email: a.Email}
	l := letter{
		kind: kind, lang: b.Language, to: to,
		booking: &b, date: d, invite: inv, uid: inviteUID(a.ID, d.ID, to, x.c.s.host()), action: action, now: x.now,
		key: sendKey(x.key, "attendee", strconv.FormatUint(uint64(a.ID), 10), "date", strconv.FormatUint(uint64(d.ID), 10)),
	}
	x.c.attendeePass(&l, a)
	return x.c.build(l)
}

// findAttendee returns the event's attendee with their booking.
func (x expander) findAttendee(ctx context.Context, id uint) (model.Booking, model.Attendee, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return b, model.Attendee{}, err
	}
	if a, ok := attendeeOf(b, id); ok {
		return b, a, nil
	}
	return b, model.Attendee{}, fmt.Errorf("attendee %d of booking %s: %w", id, b.Reference, model.ErrNotFound)
}

// eventDate is the date the event names, or the booking's.
func (x expander) eventDate(ctx context.Context, b model.Booking) (*model.SeminarDate, error) {
	if x.ev.DateID == 0 || x.ev.DateID == b.DateID {
		return b.Date, nil
	}
	d, err := x.q.DateByID(ctx, x.ev.DateID)
	return &d, err
}

// toOneAttendee writes to the event's attendee only (reminder, certificate).
func (x expander) toOneAttendee(ctx context.Context, kind string, inv invite, action string) ([]outgoing, error) {
	b, a, err := x.findAttendee(ctx, x.ev.AttendeeID)
	if err != nil {
		return nil, err
	}
	d, err := x.eventDate(ctx, b)
	if err != nil {
		return nil, err
	}
	o, err := x.attendee(b, d, a, kind, inv, action)
	return []outgoing{o}, err
}
