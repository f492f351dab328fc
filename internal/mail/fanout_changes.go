package mail

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"seminars/internal/model"
)

// substituted tells the replaced person that their seat went to someone else (and withdraws
// their calendar entry), sends the new attendee a confirmation with an invite, and tells the
// billing contact.
//
// The two invites name different calendar entries (inviteUID includes the holder): the old
// holder's CANCEL carries the date's SEQUENCE+1, the newcomer's REQUEST the date's SEQUENCE. Had
// they shared a UID, a calendar that saw both (a shared team calendar, a delegate, the same
// mailbox under a corrected name) would keep the cancellation and ignore the lower-sequence
// invite. A higher SEQUENCE for the newcomer instead would not last: SEQUENCE is the date's
// counter, and the next reschedule would send them a lower one again.
func (x expander) substituted(ctx context.Context) ([]outgoing, error) {
	b, a, err := x.findAttendee(ctx, x.ev.AttendeeID)
	if err != nil {
		return nil, err
	}
	oldID := a.ID
	if x.ev.Extra.OldAttendeeID != 0 {
		oldID = x.ev.Extra.OldAttendeeID
	}
	oldHolder := Address{Name: x.ev.OldName, Email: x.ev.OldEmail}
	old, err := x.c.build(letter{
		kind: "attendee_substituted_old", lang: b.Language, to: oldHolder,
		booking: &b, date: b.Date, invite: inviteCancel, uid: inviteUID(oldID, b.DateID, oldHolder, x.c.s.host()), now: x.now,
		extra: map[string]string{"NewName": a.FullName()},
		key:   sendKey(x.key, "old", x.ev.OldEmail),
	})
	if err != nil {
		return nil, err
	}
	out := []outgoing{old}
	newcomer, err := x.attendee(b, b.Date, a, "attendee_confirmed", inviteRequest, "")
	if err != nil {
		return nil, err
	}
	out = append(out, newcomer)
	bill, err := x.c.build(letter{
		kind: billingKind(x.ev.Event), lang: b.Language, to: Address{Name: b.Billing.Name, Email: b.Billing.Email},
		booking: &b, date: b.Date, withBill: true, now: x.now,
		extra: map[string]string{"OldName": x.ev.OldName, "NewName": a.FullName()},
		key:   sendKey(x.key, "booking", strconv.FormatUint(uint64(b.ID), 10), "billing"),
	})
	return append(out, bill), err
}

// moved sends each moved attendee an invite for the new date and withdraws the old date's
// calendar entry (a different date is a different UID), and tells the billing contact once,
// naming everyone who moved — unless the same change writes to them anyway (AttendeesOnly).
func (x expander) moved(ctx context.Context) ([]outgoing, error) {
	ids := x.ev.Extra.AttendeeIDs.IDs()
	if len(ids) == 0 {
		ids = []uint{x.ev.AttendeeID} // an event written before moves were one event
	}
	b, err := x.q.BookingByID(ctx, x.ev.BookingID)
	if err != nil {
		return nil, err
	}
	to, err := x.eventDate(ctx, b)
	if err != nil {
		return nil, err
	}
	var from *model.SeminarDate
	if n := x.ev.Extra.FromDateID; n != 0 && n != to.ID {
		d, err := x.q.DateByID(ctx, n)
		if err != nil {
			return nil, err
		}
		from = &d
	}
	var out []outgoing
	var names []string
	for _, id := range ids {
		a, ok := attendeeOf(b, id)
		if !ok {
			return nil, fmt.Errorf("attendee %d of booking %s: %w", id, b.Reference, model.ErrNotFound)
		}
		names = append(names, a.FullName())
		if from != nil {
			o, err := x.attendee(b, from, a, "attendee_moved_old", inviteCancel, "")
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		o, err := x.attendee(b, to, a, "attendee_moved", inviteRequest, "")
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	if x.ev.Extra.AttendeesOnly {
		return out, nil
	}
	bill, err := x.c.build(letter{
		kind: billingKind(x.ev.Event), lang: b.Language, to: Address{Name: b.Billing.Name, Email: b.Billing.Email},
		booking: &b, date: to, withBill: true, now: x.now, extra: map[string]string{"Attendee": strings.Join(names, ", ")},
		key: sendKey(x.key, "booking", strconv.FormatUint(uint64(b.ID), 10), "billing"),
	})
	return append(out, bill), err
}

// attendeeOf finds an attendee of a booking by id.
func attendeeOf(b model.Booking, id uint) (model.Attendee, bool) {
	for _, a := range b.Attendees {
		if a.ID == id {
			return a, true
		}
	}
	return model.Attendee{}, false
}

// waitlistOffer tells someone on the waiting list that a seat is free for them until a deadline.
func (x expander) waitlistOffer(ctx context.Context) ([]outgoing, error) {
	d, err := x.q.DateByID(ctx, x.ev.DateID)
	if err != nil {
		return nil, err
	}
	lang := x.ev.Lang
	action := x.ev.Extra.URL
	if action == "" {
		action = x.c.s.BaseURL + "/book/" + strconv.FormatUint(uint64(d.ID), 10)
	}
	action = x.c.s.inLanguage(action, lang)
	o, err := x.c.build(letter{
		kind: "waitlist_offer", lang: lang, to: Address{Name: x.ev.Extra.Name, Email: x.ev.Extra.Email},
		date: &d, action: action, now: x.now,
		extra: map[string]string{"Deadline": x.c.formatDeadline(lang, x.ev.Extra.Until)},
		key:   sendKey(x.key, "waitlist", x.ev.Extra.Email),
	})
	return []outgoing{o}, err
}
