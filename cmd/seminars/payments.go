package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"seminars/internal/booking"
)

// How often unpaid holds are swept and the Stripe outbox is worked.
const (
	holdSweepInterval    = time.Minute
	stripeWorkerInterval = 15 * time.Second
)

// startPaymentWorkers runs the hold sweeper (always: holds must expire even if Stripe is later
// switched off) and, with Stripe, the worker for Stripe outbox items. The returned function
// stops them and waits until they have finished their current round.
func startPaymentWorkers(ctx context.Context, bookings *booking.Service, log *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); booking.NewSweeper(bookings).Run(ctx, holdSweepInterval) }()
	if bookings.PaymentsEnabled() {
		wg.Add(1)
		go func() { defer wg.Done(); booking.NewStripeWorker(bookings).Run(ctx, stripeWorkerInterval) }()
		log.Info("payments: Stripe Checkout for card and SEPA; hold sweeper and Stripe worker running")
	}
	return func() { cancel(); wg.Wait() }
}
