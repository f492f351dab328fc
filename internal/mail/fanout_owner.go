package mail

import (
	"context"
	"strconv"
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
