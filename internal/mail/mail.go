// Package mail turns booking events into e-mails and delivers them.
//
// Two outbox topics carry the work, so that nothing is lost and nothing is sent twice that the
// mail server acknowledged:
//
//   - "mail.event" items are recorded by the use cases in the transaction of the change
//     (booking.Notify). The worker expands each, in one transaction, into one "mail.send" item per
//     message (the billing contact, each attendee separately) and marks the event done. Each
//     mail.send item holds the fully rendered message — subject, text, HTML, calendar invite,
//     Date and Message-ID — so a retry or a restart sends byte-for-byte the same content, however
//     the booking changed in between. Attachments are only named (Message.Documents): the stored
//     files of issued invoices, which never change, are loaded when the message is sent, so a
//     pending row stays a few KB.
//   - "mail.send" items are delivered over SMTP (or written as .eml files when no SMTP server is
//     configured), retried with model.OutboxBackoff, and marked done.
//
// When a duplicate is possible: only if the worker stops after the server accepted DATA but
// before it recorded the item as done (a crash, a kill, a lost database connection in that
// instant). The item is then still pending; once its lease runs out it is sent again with the
// same Message-ID, which receivers (and Mailpit) can use to recognise the copy. Every other
// interruption — before or during the SMTP dialogue — leaves nothing delivered, so the retry is
// the first delivery.
package mail

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// Settings are the parts of the configuration the messages depend on.
type Settings struct {
	From           string // "Name <address>"
	BaseURL        string // public URL for links, without trailing slash
	Location       *time.Location
	InvoiceDueDays int
	ReminderDays   int
	// Seller signs every message and, with TrainerName, the certificates of attendance mailed
	// after a date.
	Seller      invoice.Seller
	TrainerName string
	// Cancellation is the one cancellation policy, stated in the booking confirmation.
	Cancellation model.CancellationPolicy
}

// host is the domain used in Message-IDs and calendar UIDs.
func (s Settings) host() string {
	if u, err := url.Parse(s.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "seminars.invalid"
}

// Address is one recipient.
type Address struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Invite is an iCalendar object sent with a message.
type Invite struct {
	Method  string `json:"method"` // REQUEST or CANCEL
	UID     string `json:"uid"`
	Content string `json:"content"`
}

// Message is a fully rendered e-mail as stored in a mail.send outbox item.
type Message struct {
	MessageID string    `json:"message_id"` // without angle brackets
	Date      time.Time `json:"date"`
	From      string    `json:"from"`
	To        Address   `json:"to"`
	Subject   string    `json:"subject"`
	Lang      string    `json:"lang"`
	Kind      string    `json:"kind"`
	Text      string    `json:"text"`
	HTML      string    `json:"html"`
	Invite    *Invite   `json:"invite,omitempty"`
	// Attachments are files rendered for this message alone (a certificate of attendance),
	// stored base64-encoded in the payload so a resend carries the same bytes.
	Attachments []Attachment `json:"attachments,omitempty"`
	// Documents name the issued invoices and credit notes sent with the message. Only the
	// reference is stored; their bytes are loaded from the stored documents when the message is
	// sent, so a pending message stays small and carries exactly the issued file.
	Documents []DocumentRef `json:"documents,omitempty"`
	// Secret tells that the body holds a secret (the booker's manage link, the attendee's pass,
	// a password reset link); once delivered, the secret is removed from the database so that it
	// lives only in the recipient's mailbox.
	Secret bool `json:"secret,omitempty"`
	// Redact lists the secrets the body holds. On delivery each is replaced by a marker and the
	// rest of the body is kept: a confirmation is a business letter that must stay reproducible.
	// A Secret message without the list (stored before it existed, or a password reset) loses
	// its whole body instead. The list is cleared once applied.
	Redact []string `json:"redact,omitempty"`
	// Scrubbed tells that the stored message is no longer the one sent (its secrets or its body
	// are gone), so it can never be sent again as it is.
	Scrubbed bool `json:"scrubbed,omitempty"`
	// BodyRemoved tells that text, HTML, invite and attachments are gone (a secret message
	// without its list on delivery, any message past its retention): the retention job has
	// nothing left to do with it.
	BodyRemoved bool `json:"body_removed,omitempty"`
}

// RemoveBody empties what the message said, keeping the record of whom it went to and when.
func (m *Message) RemoveBody() {
	m.Text, m.HTML, m.Attachments, m.Invite, m.Scrubbed, m.BodyRemoved = "", "", nil, nil, true, true
}

// HasBody tells whether anything of what the message said is still stored.
func (m Message) HasBody() bool {
	return m.Text != "" || m.HTML != "" || m.Invite != nil || len(m.Attachments) > 0
}

// businessLetters are the kinds of message that are business letters (§ 257 HGB, § 147 AO):
// what confirms, bills, corrects or cancels a booking — sent to its billing contact, and the
// confirmations and cancellations of the seats sent to the attendees. Their bodies are kept for
// the business-letter retention period; every other body goes after retention_mail_days.
var businessLetters = map[string]bool{
	billingKind(model.EventBookingReceived): true, billingKind(model.EventBookingConfirmed): true,
	billingKind(model.EventBookingCancelled): true, billingKind(model.EventDateCancelled): true,
	billingKind(model.EventBookingCorrected): true, billingKind(model.EventBookingRefunded): true,
	billingKind(model.EventPaymentReceived): true, billingKind(model.EventDocumentResent): true,
	"attendee_confirmed": true, "attendee_cancelled": true, "attendee_booking_cancelled": true,
	"attendee_date_cancelled": true,
}

// IsBusinessLetter tells whether a message of kind is a business letter.
func IsBusinessLetter(kind string) bool { return businessLetters[kind] }

// Attachment is one file sent with a message.
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Data        []byte `json:"data"`
	// ContentID, when set, makes the file an inline part the HTML names as cid:ContentID (the
	// check-in QR code) instead of an attachment.
	ContentID string `json:"content_id,omitempty"`
}

// messageID derives a stable Message-ID from the mail.send item's unique key: the same item
// always carries the same ID, however often it is sent.
func messageID(key, host string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16]) + "@" + host
}

// sendKey is the unique key of one message of an event; long keys are hashed to fit the column.
func sendKey(eventKey string, parts ...string) string {
	key := model.TopicMailSend.Key(strings.TrimPrefix(eventKey, model.TopicMailEvent.Key("")) + ":" + strings.Join(parts, ":"))
	if len(key) > 200 {
		sum := sha256.Sum256([]byte(key))
		key = model.TopicMailSend.Key("h:" + hex.EncodeToString(sum[:]))
	}
	return key
}
