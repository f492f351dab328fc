package app

import (
	"context"
	"time"

	"seminars/internal/booking"
	"seminars/internal/worker"
)

// How often each background job looks for work when it found none.
const (
	holdSweepInterval      = time.Minute
	stripeWorkerInterval   = 15 * time.Second
	documentRenderInterval = 2 * time.Second
	waitlistInterval       = time.Minute
	runDecisionInterval    = 10 * time.Minute
	// Payment reminders are a matter of days; looking every hour sends a step on the morning its
	// day comes even after a restart, and each step is recorded once, so a second look the same
	// day (or another instance's) sends nothing.
	paymentReminderInterval = time.Hour
	// retentionInterval is how often the retention job asks whether today's run is done; the
	// run itself happens once per calendar day and database (privacy.RunRetention).
	retentionInterval = time.Hour
	// feedbackInterval: survey mails go out within the hour after a date ends; each attendee
	// and date is asked once (a unique row), whichever instance looks first.
	feedbackInterval = time.Hour
)

// Jobs lists every background job of the service, to run on a.Runner so none can take the
// process down: the hold sweeper (always: holds must expire even if Stripe is later switched
// off), with Stripe the worker for Stripe outbox items, the document renderer, the mail worker,
// the waiting list, the run decision's reminder, the payment reminders, the retention job and the survey mails.
func (a *App) Jobs() []worker.Job {
	list := []worker.Job{worker.Every("hold_sweeper", holdSweepInterval, booking.NewSweeper(a.Bookings).RunOnce)}
	if a.Bookings.PaymentsEnabled() {
		stripe := booking.NewStripeWorker(a.Bookings, a.Runner)
		list = append(list, a.Runner.QueueJob(stripe.Queue(), stripeWorkerInterval))
		a.Log.Info("payments: Stripe Checkout for card and SEPA; hold sweeper and Stripe worker running")
	}
	return append(list, a.Runner.QueueJob(a.Documents.RenderQueue(), documentRenderInterval), a.Mail.Job(), a.waitlistJob(), a.runDecisionJob(), a.paymentReminderJob(), a.retentionJob(), a.feedbackJob())
}

// runDecisionJob tells the owners of each date below its minimum inside decision_days that its
// run decision is due, once per date (the outbox keeps one event per date, so several instances
// running the job record it once).
func (a *App) runDecisionJob() worker.Job {
	return worker.Every("run_decision", runDecisionInterval, func(ctx context.Context, now time.Time) (int, error) {
		n, err := a.RunDecisions.NotifyDue(ctx, now)
		return n, err
	})
}

// waitlistJob ends waiting-list offers that ran out and offers freed seats to the next in line.
func (a *App) waitlistJob() worker.Job {
	return worker.Every("waitlist", waitlistInterval, func(ctx context.Context, _ time.Time) (int, error) {
		n, err := a.Waitlist.Process(ctx) // the waiting list reads its own clock
		if n > 0 {
			a.Log.Info("waiting-list offers sent", "count", n)
		}
		return n, err
	})
}

// paymentReminderJob reminds billing contacts of invoices past their due date (PaymentReminders).
func (a *App) paymentReminderJob() worker.Job {
	return worker.Every("payment_reminders", paymentReminderInterval, func(ctx context.Context, _ time.Time) (int, error) {
		n, err := a.PaymentReminders.Send(ctx) // reads its own clock, like the waiting list
		if n > 0 {
			a.Log.Info("payment reminders sent", "count", n)
		}
		return n, err
	})
}

// retentionJob deletes, once a day for the whole cluster, what the retention settings keep no
// longer.
func (a *App) retentionJob() worker.Job {
	return worker.Every("retention", retentionInterval, func(ctx context.Context, now time.Time) (int, error) {
		r, ran, err := a.Privacy.RunRetention(ctx, now)
		if ran {
			a.Log.Info("retention job ran", "day", r.Day, "waiting_list", r.WaitingList, "inquiries", r.Inquiries,
				"mail_bodies", r.MailBodies, "sessions", r.Sessions, "sign_in_failures", r.SignInFailures, "documents", r.Documents)
		}
		return int(r.WaitingList + r.Inquiries + r.MailBodies + r.Documents), err
	})
}

// feedbackJob mails the survey to checked-in attendees who agreed to be asked, once per
// attendee and date (feedback.Service.RequestDue).
func (a *App) feedbackJob() worker.Job {
	return worker.Every("feedback_requests", feedbackInterval, func(ctx context.Context, now time.Time) (int, error) {
		n, err := a.Feedback.RequestDue(ctx, now)
		if n > 0 {
			a.Log.Info("feedback surveys requested", "count", n)
		}
		return n, err
	})
}
