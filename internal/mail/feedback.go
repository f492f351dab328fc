package mail

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"seminars/internal/model"
)

// feedbackRequest is the survey mail to one checked-in attendee after their date, with the
// secret link to the survey on their page. Consent is read again: an attendee who withdrew it
// after the request was recorded, or whose seat went to someone else, gets nothing. The link is
// a secret and the mail no business letter, so its body is removed once delivered.
func (x expander) feedbackRequest(ctx context.Context) ([]outgoing, error) {
	b, a, err := x.findAttendee(ctx, x.ev.AttendeeID)
	if errors.Is(err, model.ErrNotFound) {
		return nil, nil // the attendee's seat was cancelled since
	}
	if err != nil {
		return nil, err
	}
	consent, ok, err := x.q.FeedbackConsentOf(ctx, a.ID)
	if err != nil || !ok || !consent.ValidFor(a) || a.CheckedInAt == nil {
		return nil, err
	}
	if x.c.keys == nil {
		return nil, fmt.Errorf("feedback request of attendee %d: no keyring yet", a.ID)
	}
	d, err := x.eventDate(ctx, b)
	if err != nil {
		return nil, err
	}
	token := x.c.keys.AttendeeToken(a.ID, a.SecretRotation)
	o, err := x.c.build(letter{
		kind: "attendee_feedback", lang: b.Language, to: Address{Name: a.FullName(), Email: a.Email},
		booking: &b, date: d, now: x.now, secret: true,
		action: x.c.s.BaseURL + languagePrefix(b.Language) + "/a/" + token + "/feedback",
		key:    sendKey(x.key, "attendee", strconv.FormatUint(uint64(a.ID), 10), "date", strconv.FormatUint(uint64(d.ID), 10)),
	})
	return []outgoing{o}, err
}
