package mail

import (
	"bytes"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"

	"seminars/internal/worker"
)

// ErrPermanent marks a message that can never be sent as stored (a name or address no header
// can carry): retrying gives the same result, so the worker should park it instead of retrying.
var ErrPermanent = worker.Permanent(errors.New("mail: message cannot be sent"))

// compose turns a stored message into a MIME message: text with an HTML alternative, and for
// invites the calendar both as a text/calendar alternative (which Outlook and Gmail show as an
// invitation with buttons) and as an invite.ics attachment (for everything else). Date and
// Message-ID come from the stored message, so a resend is the same message. Stored attachments
// (the invoice PDF) follow.
//
// Addresses go to go-mail as net/mail.Address values, never as "Name <addr>" strings: go-mail's
// *Format helpers put the name between quotes unescaped, so a name with a '"' broke the header
// and the message failed on every retry. net/mail writes the name as a quoted string or, for
// non-ASCII, as an RFC 2047 encoded word.
func compose(m Message) (*gomail.Msg, error) {
	from, err := mail.ParseAddress(m.From)
	if err != nil {
		return nil, fmt.Errorf("%w: sender %q: %v", ErrPermanent, m.From, err)
	}
	to, err := headerAddress(m.To)
	if err != nil {
		return nil, err
	}
	msg := gomail.NewMsg()
	msg.FromMailAddress(from)
	msg.ToMailAddress(to)
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	msg.SetDateWithValue(m.Date)
	msg.SetGenHeader(gomail.HeaderContentLang, m.Lang)
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	if m.Invite != nil {
		// text/calendar with the method, as RFC 6047 (iMIP) asks, for both parts; go-mail adds
		// charset=UTF-8 to the alternative, the attachment's type says it here. Base64 keeps the
		// CRLF line ends and the folding exactly as written.
		msg.AddAlternativeString(gomail.ContentType("text/calendar; method="+m.Invite.Method), m.Invite.Content,
			gomail.WithPartEncoding(gomail.EncodingB64))
		if err := msg.AttachReader("invite.ics", strings.NewReader(m.Invite.Content),
			gomail.WithFileContentType(gomail.ContentType("text/calendar; charset=UTF-8; method="+m.Invite.Method))); err != nil {
			return nil, err
		}
	}
	for _, a := range m.Attachments {
		if a.ContentID != "" {
			if err := msg.EmbedReader(a.Name, bytes.NewReader(a.Data), gomail.WithFileContentType(gomail.ContentType(a.ContentType)),
				gomail.WithFileContentID("<"+a.ContentID+">")); err != nil {
				return nil, err
			}
			continue
		}
		if err := msg.AttachReader(a.Name, bytes.NewReader(a.Data),
			gomail.WithFileContentType(gomail.ContentType(a.ContentType))); err != nil {
			return nil, err
		}
	}
	return msg, nil
}

// headerAddress turns a recipient into a net/mail.Address for go-mail. Control characters in
// the name (a line break typed into a form) become spaces: the name only decorates the address,
// and the mail must still reach its reader. What no header can carry — a name that is not valid
// UTF-8, an address net/mail does not accept as it is — is a permanent error: the same message
// fails the same way on every attempt.
func headerAddress(a Address) (*mail.Address, error) {
	if !utf8.ValidString(a.Name) {
		return nil, fmt.Errorf("%w: recipient name %q is not valid UTF-8", ErrPermanent, a.Name)
	}
	parsed, err := mail.ParseAddress("<" + a.Email + ">")
	if err != nil || parsed.Address != a.Email {
		return nil, fmt.Errorf("%w: recipient address %q is not a valid e-mail address", ErrPermanent, a.Email)
	}
	name := strings.Join(strings.FieldsFunc(a.Name, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }), " ")
	return &mail.Address{Name: name, Address: a.Email}, nil
}
