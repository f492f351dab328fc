package mail

import (
	"context"
	"errors"

	"seminars/internal/model"
)

// attendeeAdded is the added person's own confirmation with the invite; the billing contact
// hears of the change from the booking_corrected mail. A person cancelled again before the
// message was written gets none.
func (x expander) attendeeAdded(ctx context.Context) ([]outgoing, error) {
	out, err := x.toOneAttendee(ctx, "attendee_confirmed", inviteRequest, "")
	if errors.Is(err, model.ErrNotFound) {
		return nil, nil
	}
	return out, err
}

// attendeeCancelled tells the person cancelled from a booking, whose row is gone, that the seat
// is cancelled, with a calendar message that takes the date out of their calendar (the invite's
// UID is the one their confirmation carried).
func (x expander) attendeeCancelled(ctx context.Context) ([]outgoing, error) {
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	d, err := x.eventDate(ctx, b)
	if err != nil {
		return nil, err
	}
	to := Address{Name: x.ev.OldName, Email: x.ev.OldEmail}
	o, err := x.c.build(letter{
		kind: "attendee_cancelled", lang: b.Language, to: to,
		booking: &b, date: d, invite: inviteCancel, uid: inviteUID(x.ev.AttendeeID, d.ID, to, x.c.s.host()), now: x.now,
		key: sendKey(x.key, "cancelled", x.ev.OldEmail),
	})
	return []outgoing{o}, err
}
