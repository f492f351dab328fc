package mail

import (
	"context"
	"net/url"
)

// passwordReset mails a staff user the link to set a new password. The link's secret rides in
// the event (removed from it once expanded) and in the message (removed once delivered), so
// after delivery it lives only in the user's mailbox; the database keeps its hash.
func (x expander) passwordReset(context.Context) ([]outgoing, error) {
	o, err := x.c.build(letter{
		kind: "staff_password_reset", lang: x.ev.Lang, to: Address{Email: x.ev.Extra.Email}, now: x.now,
		action: x.c.s.BaseURL + "/admin/reset?t=" + url.QueryEscape(x.ev.Extra.ResetToken),
		key:    sendKey(x.key, "staff"), secret: true,
		extra: map[string]string{"Until": x.c.formatDeadline(x.ev.Lang, x.ev.Extra.Until)},
	})
	if err != nil {
		return nil, err
	}
	return []outgoing{o}, nil
}
