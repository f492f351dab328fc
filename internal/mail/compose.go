package mail

import (
	"bytes"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// compose turns a stored message into a MIME message: text with an HTML alternative, and for
// invites the calendar both as a text/calendar alternative (which Outlook and Gmail show as an
// invitation with buttons) and as an invite.ics attachment (for everything else). Date and
// Message-ID come from the stored message, so a resend is the same message. Stored attachments
// (the invoice PDF) follow.
func compose(m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.From(m.From); err != nil {
		return nil, err
	}
	if err := msg.AddToFormat(m.To.Name, m.To.Email); err != nil {
		return nil, err
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	msg.SetDateWithValue(m.Date)
	msg.SetGenHeader(gomail.HeaderContentLang, m.Lang)
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	if m.Invite != nil {
		calType := gomail.ContentType("text/calendar; method=" + m.Invite.Method)
		msg.AddAlternativeString(calType, m.Invite.Content)
		if err := msg.AttachReader("invite.ics", strings.NewReader(m.Invite.Content),
			gomail.WithFileContentType(gomail.ContentType("application/ics"))); err != nil {
			return nil, err
		}
	}
	for _, a := range m.Attachments {
		if err := msg.AttachReader(a.Name, bytes.NewReader(a.Data),
			gomail.WithFileContentType(gomail.ContentType(a.ContentType))); err != nil {
			return nil, err
		}
	}
	return msg, nil
}
