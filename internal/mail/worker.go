package mail

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/worker"
)

const (
	// batchSize is how many items one claim takes: a backlog is worked batch after batch, with
	// no wait between them, and no item is leased long before it is worked.
	batchSize = 50
	// pollInterval is how often the worker looks for work once the outbox is empty.
	pollInterval = 5 * time.Second
)

// Worker expands mail events into messages, schedules reminders and delivers messages. Its
// items are worked by a worker.Runner: a message that cannot be sent as stored (ErrPermanent)
// or panics is parked after worker_max_attempts attempts; an SMTP outage is retried for ever.
type Worker struct {
	store  *store.Store
	sender Sender
	c      composer
	docs   *invoice.Documents // the stored files of issued documents, attached at send time
	jobs   *worker.Runner
	log    *slog.Logger
	now    func() time.Time
}

// New returns a worker whose items jobs works. now is the clock (time.Now in production). docs
// are the stored files it attaches: the service passes the render job's own, so a confirmation
// sent before the job got to its invoice joins the job's render of it instead of drawing a
// second copy (singleflight joins only callers of one *invoice.Documents; with two, a fifth to a
// third of the bookings had their PDF drawn twice).
func New(st *store.Store, sender Sender, tpl *Templates, catalog *i18n.Catalog, s Settings, docs *invoice.Documents, now func() time.Time, log *slog.Logger, jobs *worker.Runner) *Worker {
	if s.Location == nil {
		s.Location = time.UTC
	}
	renderer := invoice.NewRenderer(catalog, s.Location)
	return &Worker{store: st, sender: sender, c: composer{tpl: tpl, i18n: catalog, s: s, docs: renderer},
		docs: docs, jobs: jobs, log: log, now: now}
}

// Job is the worker as a background job: a round every few seconds while the outbox is empty.
func (w *Worker) Job() worker.Job {
	return worker.Job{Name: "mail", Every: pollInterval, Round: func(ctx context.Context, now time.Time) (bool, error) {
		return false, w.RunOnce(ctx, now)
	}}
}

// RunOnce does one round at time now: enqueue due reminders and certificates, then expand due
// events and deliver due messages, batch after batch, until none is due — a backlog larger
// than a batch leaves in the same round, and messages rendered in this round are delivered in
// it. Once nothing is left to send, the SMTP connections are hung up.
func (w *Worker) RunOnce(ctx context.Context, now time.Time) error {
	now = now.UTC()
	scheduled := errors.Join(w.scheduleReminders(ctx, now), w.scheduleCertificates(ctx, now))
	defer w.hangUp()
	for {
		events, expandErr := w.jobs.Drain(ctx, w.eventQueue(), now)
		sent, deliverErr := w.jobs.Drain(ctx, w.sendQueue(), now)
		if err := errors.Join(expandErr, deliverErr); err != nil || (events < batchSize && sent < batchSize) {
			return errors.Join(scheduled, err)
		}
	}
}

// hangUp closes the sender's idle connections, if it keeps any.
func (w *Worker) hangUp() {
	if c, ok := w.sender.(interface{ Close() error }); ok {
		if err := c.Close(); err != nil {
			w.log.Debug("closing SMTP connections", "error", err.Error())
		}
	}
}

// eventQueue turns due mail.event items into mail.send items, rendering as many at once as
// messages are sent at once.
func (w *Worker) eventQueue() worker.Queue {
	return worker.Queue{Topic: model.TopicMailEvent, Batch: batchSize, Handle: w.expandOne, Parallel: w.sender.Connections(), Yield: true}
}

// expandOne renders an event's messages and, in one transaction, enqueues them, marks the event
// done and removes the manage token from the event's row. Rendering happens first, outside the
// transaction; if the transaction fails nothing was enqueued and the event is tried again.
func (w *Worker) expandOne(ctx context.Context, item model.OutboxItem, now time.Time) error {
	var ev model.EventPayload
	if err := worker.Decode(item, &ev); err != nil {
		return err
	}
	msgs, err := expander{c: w.c, q: w.store.Reads, now: now, key: item.Key, ev: ev}.expand(ctx)
	if errors.Is(err, model.ErrNotFound) {
		return worker.Permanent(err) // the booking or date it is about is gone
	}
	if err != nil {
		return err
	}
	return w.store.WithTx(ctx, func(tx *store.Tx) error {
		for _, o := range msgs {
			if model.IsErasedEmail(o.msg.To.Email) {
				continue // an erased person's records still exist (an ended booking); they get no mail
			}
			if err := store.EnqueueJSONAt(ctx, tx, model.TopicMailSend, o.key, o.msg, now); err != nil {
				return err
			}
		}
		if ev.Extra.ManageToken != "" || ev.Extra.ResetToken != "" {
			ev.Extra.ManageToken, ev.Extra.ResetToken = "", ""
			scrubbed, _ := json.Marshal(ev)
			if err := tx.SetOutboxPayload(ctx, item.ID, string(scrubbed), now); err != nil {
				return err
			}
		}
		return tx.MarkOutboxDone(ctx, item.ID, now)
	})
}
