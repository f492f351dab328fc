package mail

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
)

const (
	// batchSize bounds how many items one round takes, so a backlog drains in steps.
	batchSize = 50
	// lease is how long a claimed item is left alone by other rounds or workers; an item whose
	// worker died is tried again after it.
	lease = 5 * time.Minute
	// pollInterval is how often Run looks for work.
	pollInterval = 5 * time.Second
)

// Worker expands mail events into messages, schedules reminders and delivers messages.
type Worker struct {
	store  *store.Store
	sender Sender
	c      composer
	docs   *invoice.Documents // the stored files of issued documents, attached at send time
	log    *slog.Logger
	now    func() time.Time
}

// New returns a worker. now is the clock (time.Now in production).
func New(st *store.Store, sender Sender, tpl *Templates, catalog *i18n.Catalog, s Settings, now func() time.Time, log *slog.Logger) *Worker {
	if s.Location == nil {
		s.Location = time.UTC
	}
	renderer := invoice.NewRenderer(catalog, s.Location)
	return &Worker{store: st, sender: sender, c: composer{tpl: tpl, i18n: catalog, s: s, docs: renderer},
		docs: invoice.NewDocuments(st, renderer, now), log: log, now: now}
}

// Run works until ctx is cancelled, one round every few seconds. A failing round is logged and
// the next one tries again.
func (w *Worker) Run(ctx context.Context) {
	ticker := time.NewTicker(pollInterval)
	defer ticker.Stop()
	for {
		if err := w.RunOnce(ctx, w.now()); err != nil && ctx.Err() == nil {
			w.log.Error("mail round failed", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// RunOnce does one round at time now: enqueue due reminders and certificates, expand due events, deliver due
// messages. Messages rendered in this round are delivered in this round.
func (w *Worker) RunOnce(ctx context.Context, now time.Time) error {
	now = now.UTC()
	return errors.Join(w.scheduleReminders(ctx, now), w.scheduleCertificates(ctx, now), w.expandEvents(ctx, now), w.deliver(ctx, now))
}

// expandEvents turns due mail.event items into mail.send items.
func (w *Worker) expandEvents(ctx context.Context, now time.Time) error {
	items, err := w.store.DueOutboxItems(ctx, model.TopicMailEvent, now, batchSize)
	if err != nil {
		return err
	}
	for _, item := range items {
		if err := w.expandOne(ctx, item, now); err != nil {
			w.log.Warn("mail event not expanded", "id", item.ID, "key", item.Key, "error", err)
			if err := w.store.WithTx(ctx, func(tx *store.Tx) error { return tx.MarkOutboxRetry(ctx, item, err, now) }); err != nil {
				return err
			}
		}
	}
	return nil
}

// expandOne renders an event's messages and, in one transaction, enqueues them, marks the event
// done and removes the manage token from the event's row. Rendering happens first, outside the
// transaction; if the transaction fails nothing was enqueued and the event is tried again.
func (w *Worker) expandOne(ctx context.Context, item model.OutboxItem, now time.Time) error {
	var ev model.EventPayload
	if err := json.Unmarshal([]byte(item.Payload), &ev); err != nil {
		return fmt.Errorf("mail event payload: %w", err)
	}
	msgs, err := expander{c: w.c, q: w.store.Queries, now: now, key: item.Key, ev: ev}.expand(ctx)
	if err != nil {
		return err
	}
	return w.store.WithTx(ctx, func(tx *store.Tx) error {
		for _, o := range msgs {
			payload, err := json.Marshal(o.msg)
			if err != nil {
				return err
			}
			if err := tx.Enqueue(ctx, &model.OutboxItem{Topic: TopicSend, Key: o.key, Payload: string(payload), NextAttemptAt: now}); err != nil {
				return err
			}
		}
		if _, secret := ev.Extra[extraManageToken]; secret {
			delete(ev.Extra, extraManageToken)
			scrubbed, _ := json.Marshal(ev)
			if err := tx.SetOutboxPayload(ctx, item.ID, string(scrubbed), now); err != nil {
				return err
			}
		}
		return tx.MarkOutboxDone(ctx, item.ID, now)
	})
}
