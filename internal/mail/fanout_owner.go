package mail

import (
	"context"
	"fmt"
	"strconv"

	"seminars/internal/model"
)

// itemParked tells every owner that a background item was parked, with its error and a link to
// the outbox page where it can be sent again. The message keys name the owner by id (never by a
// long address), so they keep the parked-notice prefix the worker recognises: a notice that
// cannot be sent is parked without another notice.
func (x expander) itemParked(ctx context.Context) ([]outgoing, error) {
	return x.toOwners(ctx, letter{
		kind: "owner_item_parked", action: x.c.s.BaseURL + "/admin/outbox?status=failed",
		extra: map[string]string{"Topic": string(x.ev.Extra.Topic), "Key": x.ev.Extra.Key, "Error": x.ev.Extra.Error},
	})
}

// paymentMismatch tells every owner that a Stripe payment was not counted for a booking, what
// did not match, and links to the booking in the back office. The event is keyed by the Stripe
// event's id, so each event is reported once.
func (x expander) paymentMismatch(ctx context.Context) ([]outgoing, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	return x.toOwners(ctx, letter{
		kind: "owner_payment_mismatch", booking: &b, date: b.Date,
		action: x.c.s.BaseURL + "/admin/bookings?q=" + b.Reference,
		extra: map[string]string{"Reason": x.ev.Extra.Reason, "Event": x.ev.Extra.StripeEvent,
			"Company": b.Billing.Company, "Amount": x.c.i18n.For(x.ev.Lang).Money(b.GrossCents)},
	})
}

// decisionDue tells every owner that a date is still below its minimum inside the decision
// window, with its confirmed seats and a link to the date's decision in the back office (confirm
// or cancel). A date confirmed, guaranteed or cancelled since the event was recorded needs no
// decision any more: nothing is sent.
func (x expander) decisionDue(ctx context.Context) ([]outgoing, error) {
	d, err := x.q.DateByID(ctx, x.ev.DateID)
	if err != nil {
		return nil, err
	}
	if d.Status != model.DatePublished || d.Guaranteed() {
		return nil, nil
	}
	return x.toOwners(ctx, letter{
		kind: "owner_decision_due", date: &d,
		action: fmt.Sprintf("%s/admin/dates/%d/attendees#decision", x.c.s.BaseURL, d.ID),
		extra: map[string]string{"Confirmed": strconv.Itoa(d.SeatsConfirmed), "Minimum": strconv.Itoa(d.MinParticipants),
			"Taken": strconv.Itoa(d.SeatsTaken), "Capacity": strconv.Itoa(d.Capacity)},
	})
}

// toOwners sends l to every owner, each message keyed by the owner's id.
func (x expander) toOwners(ctx context.Context, l letter) ([]outgoing, error) {
	users, err := x.q.StaffUsers(ctx)
	if err != nil {
		return nil, err
	}
	var out []outgoing
	for _, u := range users {
		if !u.IsOwner() {
			continue
		}
		m := l
		m.lang, m.to, m.now = x.ev.Lang, Address{Email: u.Email}, x.now
		m.key = sendKey(x.key, "owner", strconv.FormatUint(uint64(u.ID), 10))
		o, err := x.c.build(m)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}
