package store

import (
	"context"
	"fmt"
	"strings"

	"seminars/internal/model"
)

// historyLimit bounds each part of a booking's history; a booking has a few dozen entries.
const historyLimit = 500

// AuditForSubjects returns the audit entries about any of subjects, oldest first: the booking
// detail page's share of the audit log ("booking SEM-…" and the bare reference a substitution
// records).
func (q Reads) AuditForSubjects(ctx context.Context, subjects []string) ([]model.AuditEntry, error) {
	var entries []model.AuditEntry
	err := q.db.WithContext(ctx).Where("subject IN ?", subjects).Order("created_at, id").Limit(historyLimit).Find(&entries).Error
	return entries, err
}

// OutboxOfBooking returns the outbox items about a booking, oldest first: the events and Stripe
// calls whose payload names it, the messages those events became (their keys start with the
// event's), and the messages of date-wide events addressed to its billing contact or one of its
// attendees (their keys end in booking:<id>:billing or carry attendee:<id>:).
func (q Reads) OutboxOfBooking(ctx context.Context, b model.Booking) ([]model.OutboxItem, error) {
	id := fmt.Sprint(b.ID)
	var named []model.OutboxItem
	err := q.db.WithContext(ctx).
		Where("topic <> ? AND (payload LIKE ? OR payload LIKE ?)", model.TopicMailSend,
			`%"booking_id":`+id+`,%`, `%"booking_id":`+id+`}%`).
		Order("id").Limit(historyLimit).Find(&named).Error
	if err != nil {
		return nil, err
	}
	conds := []string{"key LIKE ?"}
	args := []any{"%:booking:" + id + ":billing"}
	for _, a := range b.Attendees {
		conds, args = append(conds, "key LIKE ?"), append(args, fmt.Sprintf("%%:attendee:%d:date:%%", a.ID))
	}
	for _, it := range named {
		if it.Topic == model.TopicMailEvent {
			cause := strings.TrimPrefix(it.Key, model.TopicMailEvent.Key(""))
			conds, args = append(conds, "key LIKE ?"), append(args, likePrefix(model.TopicMailSend.Key(cause+":")))
		}
	}
	var sent []model.OutboxItem
	err = q.db.WithContext(ctx).Where("topic = ?", model.TopicMailSend).Where(strings.Join(conds, " OR "), args...).
		Order("id").Limit(historyLimit).Find(&sent).Error
	if err != nil {
		return nil, err
	}
	return mergeByID(named, sent), nil
}

// likePrefix is a LIKE pattern for values starting with prefix. An "_" in it (booking_confirmed)
// is left as LIKE's one-character wildcard, which matches itself: escaping would need an ESCAPE
// clause, and what else it could match is only a key of the same shape.
func likePrefix(prefix string) string { return prefix + "%" }

// mergeByID merges two lists sorted by id into one, each item once.
func mergeByID(a, b []model.OutboxItem) []model.OutboxItem {
	out := make([]model.OutboxItem, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].ID < b[j].ID):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].ID < a[i].ID:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}
