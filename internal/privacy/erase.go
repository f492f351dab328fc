package privacy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/store"
)

// Erasure counts what an erasure changed; the audit entry records these numbers, never the data.
type Erasure struct {
	Subject        string `json:"subject"` // "person <hash>": the hash of the lower-cased address
	Bookings       int    `json:"bookings"`
	Attendees      int    `json:"attendees"`
	WaitingList    int    `json:"waiting_list"`
	Inquiries      int    `json:"inquiries"`
	MailsDropped   int    `json:"mails_dropped"`
	MailsRewritten int    `json:"mails_rewritten"`
	AuditEntries   int    `json:"audit_entries"`
	// Feedback counts the survey rows (answers, quotes, requests) and consents deleted.
	Feedback int `json:"feedback"`
}

// Total is how many records the erasure touched; 0 for an address nothing was stored about (or
// one erased before).
func (e Erasure) Total() int {
	return e.Bookings + e.Attendees + e.WaitingList + e.Inquiries + e.MailsDropped + e.MailsRewritten + e.AuditEntries + e.Feedback
}

func (e Erasure) detail() string {
	return fmt.Sprintf("bookings: %d; attendees: %d; waiting_list: %d; inquiries: %d; mails_dropped: %d; mails_rewritten: %d; audit_entries: %d; feedback: %d",
		e.Bookings, e.Attendees, e.WaitingList, e.Inquiries, e.MailsDropped, e.MailsRewritten, e.AuditEntries, e.Feedback)
}

// Subject names a person in the audit log without their address: "person " and the first 16 hex
// digits of the SHA-256 of the lower-cased address, so a later request about the same address can
// be matched to the entry, but the entry alone tells no one the address.
func Subject(email string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(email))))
	return "person " + hex.EncodeToString(sum[:8])
}

// Erase replaces the names, addresses and e-mail address of the person with email by markers
// everywhere except on issued invoices and credit notes (kept unchanged for their retention
// period), drops the mails still waiting to go to them, and records the erasure in the audit log
// by counts and a hash — all in one transaction. A person with an upcoming booking or an open
// amount is refused (model.ErrErasureRefused, naming the booking): cancel or settle first.
// Erasing an address again, or one nothing is stored about, changes nothing but the audit log.
func (s *Service) Erase(ctx context.Context, actor, email string) (Erasure, error) {
	email, err := checkEmail(strings.TrimSpace(email))
	if err != nil {
		return Erasure{}, err
	}
	out := Erasure{Subject: Subject(email)}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		out = Erasure{Subject: Subject(email)}
		e := eraser{tx: tx, email: email, out: &out, names: map[string]bool{},
			inquiryIDs: map[uint]bool{}, attendeeIDs: map[uint]bool{}}
		if err := s.eraseBookings(ctx, e); err != nil {
			return err
		}
		for _, step := range []func(context.Context) error{e.waitlist, e.inquiries, e.mails, e.events, e.audit} {
			if err := step(ctx); err != nil {
				return err
			}
		}
		return tx.AddAudit(ctx, &model.AuditEntry{CreatedAt: s.now().UTC(), Actor: actor, Action: model.AuditPersonErased,
			Subject: out.Subject, Detail: out.detail()})
	})
	return out, err
}

// eraser is one erasure in progress: the names it found go into the rewriting of mails and
// audit texts.
type eraser struct {
	tx    *store.Tx
	email string
	out   *Erasure
	names map[string]bool
	// The person's inquiries and attendee records erased, for the mail events about them.
	inquiryIDs  map[uint]bool
	attendeeIDs map[uint]bool
}

func (e eraser) name(n string) {
	if n = strings.TrimSpace(n); len([]rune(n)) >= 3 && n != model.ErasedText {
		e.names[n] = true
	}
}

// eraseBookings erases the person as billing contact and as attendee, after checking that no
// booking of theirs is upcoming or open.
func (s *Service) eraseBookings(ctx context.Context, e eraser) error {
	booked, err := e.tx.BookingsByBillingEmail(ctx, e.email)
	if err != nil {
		return err
	}
	attended, err := e.tx.BookingsWithAttendeeEmail(ctx, e.email)
	if err != nil {
		return err
	}
	for _, b := range booked {
		if err := s.mayErase(ctx, e.tx, b, true); err != nil {
			return err
		}
	}
	for _, b := range attended {
		if err := s.mayErase(ctx, e.tx, b, false); err != nil {
			return err
		}
	}
	for _, b := range booked {
		e.name(b.Billing.Name)
		erased := model.Billing{Name: model.ErasedText, Email: model.ErasedEmail, Street: model.ErasedText, City: model.ErasedText}
		erased.PONumber = b.Billing.PONumber // the company's order number, not the person's
		if err := e.tx.EraseBilling(ctx, b.ID, erased); err != nil {
			return err
		}
		e.out.Bookings++
	}
	for _, b := range attended {
		for _, a := range b.Attendees {
			if !strings.EqualFold(a.Email, e.email) {
				continue
			}
			e.name(a.FullName())
			if err := e.tx.EraseAttendee(ctx, a.ID, model.ErasedText, "", model.ErasedEmail); err != nil {
				return err
			}
			e.attendeeIDs[a.ID] = true
			// Their answers and quotes go entirely: a quote names them, and ratings
			// without the person are of no use to keep.
			n, err := e.tx.EraseFeedbackOfAttendee(ctx, a.ID)
			if err != nil {
				return err
			}
			e.out.Attendees++
			e.out.Feedback += int(n)
		}
	}
	// Consents given for the address whose seat is gone since (a cancelled attendee).
	n, err := e.tx.DeleteFeedbackConsentsByEmail(ctx, e.email)
	e.out.Feedback += int(n)
	return err
}

// mayErase refuses a booking that still takes place or still has money open.
func (s *Service) mayErase(ctx context.Context, q *store.Tx, b model.Booking, booker bool) error {
	if model.HoldsSeats(b.Status) && b.Date != nil && b.Date.EndsAt.After(s.now()) {
		return &model.ErasureRefusedError{Reference: b.Reference, Reason: model.RefusedUpcoming}
	}
	if !booker {
		return nil
	}
	acc, err := account(ctx, q.Reads, b)
	if err != nil {
		return err
	}
	if acc.AmountDue > 0 || acc.AmountRefundable > 0 || b.RefundDueCents > 0 {
		return &model.ErasureRefusedError{Reference: b.Reference, Reason: model.RefusedOpenAmount}
	}
	return nil
}

func (e eraser) waitlist(ctx context.Context) error {
	entries, err := e.tx.WaitlistEntriesByEmail(ctx, e.email)
	if err != nil {
		return err
	}
	for _, w := range entries {
		e.name(w.Name)
		if err := e.tx.EraseWaitlistEntry(ctx, w.ID, model.ErasedText, model.ErasedEmail); err != nil {
			return err
		}
		e.out.WaitingList++
	}
	return nil
}

func (e eraser) inquiries(ctx context.Context) error {
	inquiries, err := e.tx.InquiriesByEmail(ctx, e.email)
	if err != nil {
		return err
	}
	for _, i := range inquiries {
		e.name(i.Name)
		if err := e.tx.EraseInquiry(ctx, i.ID, model.ErasedText, model.ErasedEmail); err != nil {
			return err
		}
		e.inquiryIDs[i.ID] = true
		e.out.Inquiries++
	}
	return nil
}

// mails drops the messages to the person that were not delivered (pending, or parked: nothing
// to prove, and a resend would go nowhere) and rewrites the delivered ones: the recipient, and
// the address and names in subject, body and invite become markers; attachments drawn for the
// message alone (a certificate) go. Delivered messages to others that name the person's address
// get the same markers. Issued invoices referenced by a message stay as issued.
func (e eraser) mails(ctx context.Context) error {
	items, err := e.tx.OutboxItemsOfTopic(ctx, model.TopicMailSend)
	if err != nil {
		return err
	}
	for _, item := range items {
		m, ok := decodeMail(item)
		if !ok {
			continue
		}
		if !strings.EqualFold(m.To.Email, e.email) {
			// A delivered letter to someone else that names the person — the billing contact's
			// confirmation lists the attendees, and keeps its body as a business letter.
			if item.Status == model.OutboxDone && e.mentioned(m) {
				if err := e.rewrite(ctx, item, m); err != nil {
					return err
				}
			}
			continue
		}
		if item.Status != model.OutboxDone {
			if err := e.tx.DeleteOutboxItem(ctx, item.ID); err != nil {
				return err
			}
			e.out.MailsDropped++
			continue
		}
		e.name(m.To.Name)
		m.To = mail.Address{Name: model.ErasedText, Email: model.ErasedEmail}
		m.Attachments = nil
		if err := e.rewrite(ctx, item, m); err != nil {
			return err
		}
	}
	return nil
}

// mentioned tells whether a message's subject, body or invite holds the person's address.
func (e eraser) mentioned(m mail.Message) bool {
	parts := m.Subject + "\n" + m.Text + "\n" + m.HTML
	if m.Invite != nil {
		parts += "\n" + m.Invite.Content
	}
	return strings.Contains(strings.ToLower(parts), strings.ToLower(e.email)) ||
		strings.Contains(strings.ToLower(parts), strings.ToLower(html.EscapeString(e.email)))
}

// rewrite puts the markers into a delivered message's subject, body and invite and stores it.
func (e eraser) rewrite(ctx context.Context, item model.OutboxItem, m mail.Message) error {
	m.Subject, m.Text = e.replace(m.Subject), e.replace(m.Text)
	m.HTML = e.replaceHTML(m.HTML)
	if m.Invite != nil {
		inv := *m.Invite
		inv.Content = e.replace(inv.Content)
		m.Invite = &inv
	}
	payload, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := e.tx.SetOutboxPayload(ctx, item.ID, string(payload), item.UpdatedAt); err != nil {
		return err
	}
	e.out.MailsRewritten++
	return nil
}

// events drops the pending mail events whose mails would reach the person. An event reaches them
// when any field of its payload is their address (a waiting-list confirmation or offer, the
// notice to a replaced attendee; compared as whole addresses after JSON decoding, so an escaped
// "&" still matches and "ann@" never drops the mail of "joann@"), or when it is about a record
// of theirs this erasure found: an in-house inquiry (its confirmation goes to the requester) or
// the certificate of one of their attendee records. Events about a booking read its erased
// records when expanded, and the worker sends nothing to an erased address.
func (e eraser) events(ctx context.Context) error {
	items, err := e.tx.OutboxItemsOfTopic(ctx, model.TopicMailEvent)
	if err != nil {
		return err
	}
	for _, item := range items {
		if item.Status == model.OutboxDone || !e.reaches(item) {
			continue
		}
		if err := e.tx.DeleteOutboxItem(ctx, item.ID); err != nil {
			return err
		}
		e.out.MailsDropped++
	}
	return nil
}

// reaches tells whether a mail event's messages would go to the person.
func (e eraser) reaches(item model.OutboxItem) bool {
	var fields any
	if err := json.Unmarshal([]byte(item.Payload), &fields); err != nil {
		// Not JSON: no field can be told from another, so any mention counts.
		return strings.Contains(strings.ToLower(item.Payload), strings.ToLower(e.email))
	}
	if e.namesAddress(fields) {
		return true
	}
	var ev model.EventPayload
	if json.Unmarshal([]byte(item.Payload), &ev) != nil {
		return false
	}
	switch {
	case ev.Extra.InquiryID != 0 && e.inquiryIDs[ev.Extra.InquiryID]:
		return true
	case ev.Event == model.EventCertificate && e.attendeeIDs[ev.AttendeeID]:
		return true
	}
	return false
}

// namesAddress tells whether any string in a decoded JSON value is the person's address.
func (e eraser) namesAddress(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.EqualFold(strings.TrimSpace(x), e.email)
	case []any:
		for _, item := range x {
			if e.namesAddress(item) {
				return true
			}
		}
	case map[string]any:
		for _, item := range x {
			if e.namesAddress(item) {
				return true
			}
		}
	}
	return false
}

// audit replaces the address and names in the audit entries that name the address.
func (e eraser) audit(ctx context.Context) error {
	entries, err := e.tx.AuditEntriesMentioning(ctx, e.email)
	if err != nil {
		return err
	}
	for _, a := range entries {
		if err := e.tx.SetAuditText(ctx, a.ID, e.replace(a.Subject), e.replace(a.Detail)); err != nil {
			return err
		}
		e.out.AuditEntries++
	}
	return nil
}

// replace puts markers in place of the address (any case) and the names found.
func (e eraser) replace(text string) string {
	text = replaceFold(text, e.email, model.ErasedEmail)
	for n := range e.names {
		text = strings.ReplaceAll(text, n, model.ErasedText)
	}
	return text
}

// replaceHTML is replace for HTML, where names appear escaped.
func (e eraser) replaceHTML(text string) string {
	text = replaceFold(text, e.email, model.ErasedEmail)
	text = replaceFold(text, html.EscapeString(e.email), model.ErasedEmail)
	for n := range e.names {
		text = strings.ReplaceAll(strings.ReplaceAll(text, n, model.ErasedText), html.EscapeString(n), model.ErasedText)
	}
	return text
}

// replaceFold replaces every case-insensitive occurrence of old (ASCII case folding, as in
// e-mail addresses).
func replaceFold(text, old, repl string) string {
	if old == "" {
		return text
	}
	lower, needle := strings.ToLower(text), strings.ToLower(old)
	if len(lower) != len(text) {
		return strings.ReplaceAll(text, old, repl) // case folding changed byte lengths: exact only
	}
	var b strings.Builder
	for {
		i := strings.Index(lower, needle)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		b.WriteString(repl)
		text, lower = text[i+len(old):], lower[i+len(needle):]
	}
}
