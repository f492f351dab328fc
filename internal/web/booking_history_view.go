package web

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/model"
)

// detailMail is one message sent (or to be sent) about a booking, with its outbox state.
type detailMail struct {
	ID        uint
	Queued    time.Time
	DoneAt    *time.Time
	To        string
	Subject   string
	Status    string // pending, done, failed
	Attempts  int
	LastError string
	Files     []string // names of the attached documents
}

// storedMessage is the part of a mail.send payload (mail.Message) the detail page shows.
type storedMessage struct {
	To struct {
		Name  string `json:"name"`
		Email string `json:"email"`
	} `json:"to"`
	Subject   string `json:"subject"`
	Documents []struct {
		Name string `json:"name"`
	} `json:"documents"`
}

// detailMails lists the messages among a booking's outbox items, oldest first.
func detailMails(items []model.OutboxItem) []detailMail {
	var out []detailMail
	for _, it := range items {
		if it.Topic != model.TopicMailSend {
			continue
		}
		var m storedMessage
		_ = json.Unmarshal([]byte(it.Payload), &m) // a payload that does not parse still shows its state
		to := m.To.Email
		if m.To.Name != "" {
			to = m.To.Name + " <" + m.To.Email + ">"
		}
		d := detailMail{ID: it.ID, Queued: it.CreatedAt, DoneAt: it.DoneAt, To: to, Subject: m.Subject,
			Status: it.Status, Attempts: it.Attempts, LastError: it.LastError}
		for _, doc := range m.Documents {
			d.Files = append(d.Files, doc.Name)
		}
		out = append(out, d)
	}
	return out
}

// timelineEntry is one thing that happened to a booking.
type timelineEntry struct {
	At     time.Time
	Who    string // the staff member or API token; "" for the booker or the service
	What   string
	Detail string
}

// timeline merges everything known about a booking into one list, oldest first: its own
// milestones (made, confirmed, cancelled), documents issued, payments, check-ins, the audit
// log's entries and the outbox's events, messages and Stripe calls.
func (s *Server) timeline(t *i18n.Translator, b model.Booking, docs []model.Invoice, payments []model.Payment,
	items []model.OutboxItem, audit []model.AuditEntry) []timelineEntry {
	out := []timelineEntry{{At: b.CreatedAt, What: t.T("admin.detail.tl.created")}}
	if b.ConfirmedAt != nil {
		out = append(out, timelineEntry{At: *b.ConfirmedAt, What: t.T("admin.detail.tl.confirmed")})
	}
	if b.CancelledAt != nil {
		out = append(out, timelineEntry{At: *b.CancelledAt, What: t.T("admin.detail.tl.cancelled")})
	}
	for _, inv := range docs {
		what := t.T("admin.detail.tl.invoice", "Number", inv.Number)
		if inv.IsCreditNote() {
			what = t.T("admin.detail.tl.credit_note", "Number", inv.Number, "Original", inv.OriginalNumber)
		}
		out = append(out, timelineEntry{At: inv.IssuedAt, What: what, Detail: t.Money(inv.GrossCents)})
	}
	for _, p := range payments {
		out = append(out, timelineEntry{At: p.CreatedAt, Who: p.RecordedBy,
			What:   t.T("admin.detail.tl.payment", "Amount", t.Money(p.AmountCents), "Method", t.T("admin.payment.method."+string(p.Method))),
			Detail: strings.TrimSpace(t.Date(p.PaidOn.UTC()) + " " + p.Note)})
	}
	for _, a := range b.Attendees {
		if a.CheckedInAt != nil {
			out = append(out, timelineEntry{At: *a.CheckedInAt, What: t.T("admin.detail.tl.checked_in", "Name", a.FullName())})
		}
	}
	for _, e := range audit {
		out = append(out, timelineEntry{At: e.CreatedAt, Who: e.Actor, What: t.T("admin.audit.action." + e.Action), Detail: e.Detail})
	}
	for _, it := range items {
		out = append(out, outboxEntries(t, it)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// outboxEntries are what one outbox item adds to the timeline: when it was queued and, for a
// message, when it went out or that it failed.
func outboxEntries(t *i18n.Translator, it model.OutboxItem) []timelineEntry {
	state := t.T("outbox.status." + it.Status)
	switch {
	case it.Topic == model.TopicMailEvent:
		var ev model.EventPayload
		_ = json.Unmarshal([]byte(it.Payload), &ev)
		what := t.T("admin.detail.tl.event", "Event", string(ev.Event))
		if key := "admin.detail.event." + string(ev.Event); t.Has(key) {
			what = t.T(key)
		}
		return []timelineEntry{{At: it.CreatedAt, What: what, Detail: state}}
	case it.Topic == model.TopicMailSend:
		var m storedMessage
		_ = json.Unmarshal([]byte(it.Payload), &m)
		entries := []timelineEntry{{At: it.CreatedAt, What: t.T("admin.detail.tl.mail_queued", "To", m.To.Email), Detail: m.Subject}}
		if it.DoneAt != nil {
			entries = append(entries, timelineEntry{At: *it.DoneAt, What: t.T("admin.detail.tl.mail_sent", "To", m.To.Email), Detail: m.Subject})
		} else if it.Status == model.OutboxFailed {
			entries = append(entries, timelineEntry{At: it.UpdatedAt, What: t.T("admin.detail.tl.mail_failed", "To", m.To.Email), Detail: it.LastError})
		}
		return entries
	case strings.HasPrefix(string(it.Topic), string(model.TopicsStripe)):
		return []timelineEntry{{At: it.CreatedAt, What: t.T("admin.detail.tl.stripe." + strings.TrimPrefix(string(it.Topic), string(model.TopicsStripe))), Detail: state}}
	}
	return nil
}
