package main

import (
	"log/slog"
	"time"

	"seminars/internal/booking"
	"seminars/internal/worker"
)

// How often unpaid holds are swept and the Stripe outbox is worked.
const (
	holdSweepInterval    = time.Minute
	stripeWorkerInterval = 15 * time.Second
)

// paymentJobs are the hold sweeper (always: holds must expire even if Stripe is later switched
// off) and, with Stripe, the worker for Stripe outbox items.
func paymentJobs(bookings *booking.Service, jobs *worker.Runner, log *slog.Logger) []worker.Job {
	list := []worker.Job{worker.Every("hold_sweeper", holdSweepInterval, booking.NewSweeper(bookings).RunOnce)}
	if bookings.PaymentsEnabled() {
		stripe := booking.NewStripeWorker(bookings, jobs)
		list = append(list, jobs.QueueJob(stripe.Queue(), stripeWorkerInterval))
		log.Info("payments: Stripe Checkout for card and SEPA; hold sweeper and Stripe worker running")
	}
	return list
}
