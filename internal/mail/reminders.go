package mail

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// reminderKeyPrefix starts the key of every reminder event; the attendee and date ids follow.
const reminderKeyPrefix = string(model.TopicMailEvent) + ":" + string(model.EventReminder) + ":attendee:"

// scheduleReminders records a reminder event for every attendee whose date starts within the
// next ReminderDays days. The event's key names the attendee and the date, and the outbox keeps
// one item per key, so each attendee is reminded once per date (and version of it) however many
// rounds see them.
// A booking confirmed inside the window needs no reminder: its confirmation just arrived.
func (w *Worker) scheduleReminders(ctx context.Context, now time.Time) error {
	days := w.c.s.ReminderDays
	if days <= 0 {
		return nil
	}
	window := time.Duration(days) * 24 * time.Hour
	due, err := w.store.RemindersDue(ctx, now, now.Add(window), reminderKeyPrefix)
	if err != nil {
		return err
	}
	var todo []scheduled
	for _, r := range due {
		if r.ConfirmedAt != nil && r.ConfirmedAt.After(r.StartsAt.Add(-window)) {
			continue
		}
		// The date's sequence is in the key: a date moved after its reminder went out is
		// reminded of again, with the new time.
		todo = append(todo, scheduled{
			key:     fmt.Sprintf("%s%d:date:%d:seq:%d", reminderKeyPrefix, r.AttendeeID, r.DateID, r.Sequence),
			payload: model.EventPayload{Event: model.EventReminder, BookingID: r.BookingID, DateID: r.DateID, AttendeeID: r.AttendeeID},
		})
	}
	return w.enqueueScheduled(ctx, now, todo)
}

// scheduled is an event the worker decided on by itself (a reminder, a certificate), with the
// key that makes it happen once.
type scheduled struct {
	key     string
	payload model.EventPayload
}

// enqueueScheduled records scheduled events in one transaction; keys already in the outbox are
// left as they are.
func (w *Worker) enqueueScheduled(ctx context.Context, now time.Time, events []scheduled) error {
	if len(events) == 0 {
		return nil
	}
	return w.store.WithTx(ctx, func(tx *store.Tx) error {
		for _, e := range events {
			if err := store.EnqueueJSONAt(ctx, tx, model.TopicMailEvent, e.key, e.payload, now); err != nil {
				return err
			}
		}
		return nil
	})
}
