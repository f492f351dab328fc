package backoffice

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// reminderActor is who the audit log names for what the reminder job does.
const reminderActor = "system:payment_reminders"

// PaymentReminders reminds billing contacts of invoices past their due date, on the schedule
// of the settings payment_reminder_days and payment_reminder_max. Each step of an invoice is
// recorded once (a payment_reminders row, unique per invoice and step) in the transaction that
// also writes its mail event and audit entry, so running the job twice — on one instance or on
// several at once — reminds nobody twice. A booking that is paid or cancelled is never reminded.
type PaymentReminders struct {
	store    *store.Store
	schedule model.ReminderSchedule
	zone     *time.Location
	now      func() time.Time
}

// NewPaymentReminders returns the reminder job's use case; days are counted in zone.
func NewPaymentReminders(st *store.Store, schedule model.ReminderSchedule, zone *time.Location, now func() time.Time) *PaymentReminders {
	return &PaymentReminders{store: st, schedule: schedule, zone: zone, now: now}
}

// maxOverdue bounds one round; the rest follow in the next.
const maxOverdue = 500

// Send records the reminders due now and tells how many it recorded.
func (r *PaymentReminders) Send(ctx context.Context) (int, error) {
	if r.schedule.Max <= 0 || len(r.schedule.Days) == 0 {
		return 0, nil
	}
	now := r.now()
	overdueAt := now.UTC()
	due, err := r.store.OpenItemBookings(ctx, &overdueAt, maxOverdue)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, listed := range due {
		if listed.PaymentMethod != model.PaymentInvoice || listed.Status != model.BookingConfirmed {
			continue
		}
		var ok bool
		err := r.store.WithTx(ctx, func(tx *store.Tx) (err error) {
			ok, err = r.remindInTx(ctx, tx, listed.Reference, now)
			return err
		})
		if err != nil {
			return sent, fmt.Errorf("payment reminder for %s: %w", listed.Reference, err)
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

// remindInTx decides again on the locked booking (a payment or cancellation may have come in
// since the list was read) and records the step that is due, if it is not recorded yet.
func (r *PaymentReminders) remindInTx(ctx context.Context, tx *store.Tx, reference string, now time.Time) (bool, error) {
	b, err := tx.LockBooking(ctx, reference)
	if err != nil {
		return false, err
	}
	if b.Status != model.BookingConfirmed || b.PaymentMethod != model.PaymentInvoice {
		return false, nil
	}
	account, err := tx.AccountOfBooking(ctx, b.ID)
	if err != nil || account.AmountDue <= 0 {
		return false, err
	}
	docs, err := tx.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return false, err
	}
	inv, _, ok := model.CurrentInvoice(docs)
	if !ok || inv.DueDate == nil {
		return false, nil
	}
	dueDay := model.CalendarDay(inv.DueDate.In(r.zone))
	today := model.CalendarDay(now.In(r.zone))
	step := r.schedule.StepDue(dueDay, today)
	if step == 0 {
		return false, nil
	}
	earlier, err := tx.PaymentRemindersOfBooking(ctx, b.ID)
	if err != nil {
		return false, err
	}
	for _, e := range earlier {
		if e.InvoiceID == inv.ID && e.Step >= step {
			return false, nil // this step or a later one went out already
		}
	}
	rec := model.PaymentReminder{BookingID: b.ID, InvoiceID: inv.ID, Step: step, AmountDueCents: account.AmountDue, SentOn: today}
	if added, err := tx.AddPaymentReminder(ctx, &rec); err != nil || !added {
		return false, err
	}
	err = booking.Notify(ctx, tx, fmt.Sprintf("invoice:%d:step:%d", inv.ID, step), model.EventPayload{
		Event: model.EventPaymentReminder, BookingID: b.ID,
		Extra: model.EventExtra{InvoiceID: inv.ID, AmountCents: account.AmountDue, Step: step, InvoiceDue: dueDay.Format(time.DateOnly)},
	})
	if err != nil {
		return false, err
	}
	detail := fmt.Sprintf("step: %d of %d; invoice: %s; due_date: %s; amount_due_cents: %d; reminders: %d",
		step, min(r.schedule.Max, len(r.schedule.Days)), inv.Number, dueDay.Format(time.DateOnly), account.AmountDue, len(earlier)+1)
	return true, tx.AddAudit(ctx, &model.AuditEntry{
		CreatedAt: now.UTC(), Actor: reminderActor, Action: model.AuditPaymentReminder, Subject: "booking " + b.Reference, Detail: detail,
	})
}
