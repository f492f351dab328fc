package booking_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/payment"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/worker"
)

// testClock is a clock tests move by hand instead of sleeping. A function set with OnNextRead
// runs once, the next time the service reads the clock: tests use it to let something happen
// between two steps of a use case.
type testClock struct {
	mu     sync.Mutex
	now    time.Time
	onNext func()
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	hook := c.onNext
	c.onNext = nil
	c.mu.Unlock()
	if hook != nil {
		hook()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// OnNextRead arms fn to run at the next clock read.
func (c *testClock) OnNextRead(fn func()) { c.mu.Lock(); defer c.mu.Unlock(); c.onNext = fn }
func (c *testClock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// payEnv is a booking service with Stripe (stripe-mock) over one database.
type payEnv struct {
	st    *store.Store
	svc   *booking.Service
	clock *testClock
	date  model.SeminarDate
}

func newPayEnv(t *testing.T, st *store.Store, capacity int, apiURL string) payEnv {
	t.Helper()
	clock := &testClock{now: st.Now()}
	svc := booking.New(st, booking.Settings{
		VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 20,
		Cancellation: model.CancellationPolicy{FreeDays: 14, FeePercent: 50, Location: storetest.Berlin()},
	}, clock.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	svc.UsePayments(payment.New(payment.Config{SecretKey: "sk_test_123", APIURL: apiURL}), booking.PaymentSettings{
		BaseURL: "http://localhost:8080", Currency: "EUR", Location: time.UTC,
	})
	return payEnv{st: st, svc: svc, clock: clock, date: storetest.SeedDate(t, st, storetest.DateOptions{Capacity: capacity})}
}

// stripeWorker is the Stripe outbox worker on the env's clock, parking after the default attempts.
func (e payEnv) stripeWorker() *booking.StripeWorker {
	return booking.NewStripeWorker(e.svc, worker.New(e.st, worker.Settings{Now: e.clock.Now}))
}

func payRequest(dateID uint, attendees int, method string) booking.Request {
	req := booking.Request{
		DateID: dateID, PaymentMethod: method, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Max Muster", Email: "max@example.com",
			Street: "Hauptstr. 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
	}
	for i := range attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: "Erika", LastName: fmt.Sprintf("Muster %d", i), Email: fmt.Sprintf("e%d@example.com", i)})
	}
	return req
}

func (e payEnv) reserveCard(t *testing.T, seats int) model.Booking {
	t.Helper()
	res, err := e.svc.Reserve(context.Background(), payRequest(e.date.ID, seats, model.PaymentCard))
	if err != nil {
		t.Fatalf("reserve card: %v", err)
	}
	return res.Booking
}

func (e payEnv) booking(t *testing.T, reference string) model.Booking {
	t.Helper()
	b, err := e.st.BookingByReference(context.Background(), reference)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// seats returns the date's seats taken, after checking that they equal the seats of the bookings
// that hold seats: no seat is ever held twice or lost.
func (e payEnv) seats(t *testing.T) int {
	t.Helper()
	d, err := e.st.DateByID(context.Background(), e.date.ID)
	if err != nil {
		t.Fatal(err)
	}
	held, err := e.st.SeatsHeldForDate(context.Background(), e.date.ID)
	if err != nil {
		t.Fatal(err)
	}
	if int64(d.SeatsTaken) != held {
		t.Fatalf("seats_taken = %d but bookings hold %d", d.SeatsTaken, held)
	}
	return d.SeatsTaken
}

var eventSeq struct {
	sync.Mutex
	n int
}

// event builds a Checkout Session event for a booking, as ParseEvent would return it.
func event(b model.Booking, typ, paymentStatus string) payment.Event {
	eventSeq.Lock()
	defer eventSeq.Unlock()
	eventSeq.n++
	return payment.Event{
		ID: fmt.Sprintf("evt_%d", eventSeq.n), Type: typ, Reference: b.Reference,
		SessionID: b.Stripe.SessionID, PaymentIntent: "pi_" + b.Reference, PaymentStatus: paymentStatus,
		AmountTotal: b.GrossCents, Currency: "eur",
	}
}

func TestCardReserveOpensCheckout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newPayEnv(t, st, 10, stripeMockURL)
		res, err := e.svc.Reserve(context.Background(), payRequest(e.date.ID, 3, model.PaymentCard))
		if err != nil {
			t.Fatal(err)
		}
		b := e.booking(t, res.Booking.Reference)
		if b.Status != model.BookingPendingPayment || !strings.HasPrefix(b.Stripe.SessionID, "cs_") || res.CheckoutURL == "" {
			t.Fatalf("booking %s session %q url %q", b.Status, b.Stripe.SessionID, res.CheckoutURL)
		}
		if b.HoldExpiresAt == nil || b.HoldExpiresAt.Sub(e.clock.Now()) < 30*time.Minute {
			t.Fatalf("hold expires at %v, want ≥ 30 min from now", b.HoldExpiresAt)
		}
		if got := e.seats(t); got != 3 {
			t.Fatalf("seats taken = %d, want 3", got)
		}
		if _, err := st.OutboxItemByKey(context.Background(), "mail.event:booking_received:"+b.Reference); err != nil {
			t.Fatalf("booking_received not recorded: %v", err)
		}
	})
}

func TestCardReserveWhenStripeIsDown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newPayEnv(t, st, 10, "http://127.0.0.1:1")
		_, err := e.svc.Reserve(context.Background(), payRequest(e.date.ID, 2, model.PaymentCard))
		if !errors.Is(err, model.ErrPaymentUnavailable) {
			t.Fatalf("err = %v, want ErrPaymentUnavailable", err)
		}
		if got := e.seats(t); got != 0 {
			t.Fatalf("seats taken = %d after failed checkout, want 0", got)
		}
	})
}

func TestCardRefusedWithoutStripe(t *testing.T) {
	st := storetest.SQLite(t)
	svc := booking.New(st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 5},
		st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	if _, err := svc.Reserve(context.Background(), payRequest(date.ID, 1, model.PaymentCard)); !errors.Is(err, model.ErrPaymentDisabled) {
		t.Fatalf("err = %v, want ErrPaymentDisabled", err)
	}
}

// step is one Stripe event in a scenario: its type and the session's payment_status.
type step struct{ typ, paymentStatus string }

func TestStripeEventSequences(t *testing.T) {
	completedPaid := step{payment.EventCheckoutCompleted, "paid"}
	completedUnpaid := step{payment.EventCheckoutCompleted, "unpaid"}
	expired := step{payment.EventCheckoutExpired, "unpaid"}
	asyncOK := step{payment.EventCheckoutAsyncSucceeded, "paid"}
	asyncFailed := step{payment.EventCheckoutAsyncFailed, "unpaid"}
	refunded := step{payment.EventChargeRefunded, ""}
	cases := []struct {
		name          string
		steps         []step
		status        model.BookingStatus
		paymentStatus model.PaymentStatus
		seats         int
	}{
		{"card paid", []step{completedPaid}, model.BookingConfirmed, model.PaymentPaid, 2},
		{"expired after paid changes nothing", []step{completedPaid, expired}, model.BookingConfirmed, model.PaymentPaid, 2},
		{"expired releases the hold", []step{expired}, model.BookingExpired, model.PaymentUnpaid, 0},
		{"SEPA unpaid keeps the hold", []step{completedUnpaid}, model.BookingPendingPayment, model.PaymentUnpaid, 2},
		{"SEPA unpaid then success", []step{completedUnpaid, asyncOK}, model.BookingConfirmed, model.PaymentPaid, 2},
		{"SEPA unpaid then failure", []step{completedUnpaid, asyncFailed}, model.BookingExpired, model.PaymentUnpaid, 0},
		{"out of order: success before completed", []step{asyncOK, completedUnpaid}, model.BookingConfirmed, model.PaymentPaid, 2},
		{"out of order: failure after success", []step{completedUnpaid, asyncOK, asyncFailed}, model.BookingConfirmed, model.PaymentPaid, 2},
		{"late payment with seats free", []step{expired, completedPaid}, model.BookingConfirmed, model.PaymentPaid, 2},
		{"refund recorded", []step{completedPaid, refunded}, model.BookingConfirmed, model.PaymentRefunded, 2},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				e := newPayEnv(t, st, 10, stripeMockURL)
				b := e.reserveCard(t, 2)
				for _, s := range tc.steps {
					ev := event(b, s.typ, s.paymentStatus)
					if s.typ == payment.EventChargeRefunded {
						ev.Reference, ev.RefundedCents = "", b.GrossCents // found by payment intent
					}
					if err := e.svc.HandleStripeEvent(context.Background(), ev); err != nil {
						t.Fatalf("%s: %v", s.typ, err)
					}
				}
				got := e.booking(t, b.Reference)
				if got.Status != tc.status || got.PaymentStatus != tc.paymentStatus {
					t.Fatalf("booking %s/%s, want %s/%s", got.Status, got.PaymentStatus, tc.status, tc.paymentStatus)
				}
				if seats := e.seats(t); seats != tc.seats {
					t.Fatalf("seats taken = %d, want %d", seats, tc.seats)
				}
			})
		}
	})
}

func TestDuplicateEventDeliveredConcurrently(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newPayEnv(t, st, 4, stripeMockURL)
		b := e.reserveCard(t, 2)
		// expired then (late) paid, each delivered 20 times at once: the seats are taken back once.
		for _, ev := range []payment.Event{event(b, payment.EventCheckoutExpired, "unpaid"), event(b, payment.EventCheckoutCompleted, "paid")} {
			var wg sync.WaitGroup
			errs := make(chan error, 20)
			for range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					errs <- e.svc.HandleStripeEvent(context.Background(), ev)
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		if got := e.booking(t, b.Reference); got.Status != model.BookingConfirmed {
			t.Fatalf("status %s, want confirmed", got.Status)
		}
		if seats := e.seats(t); seats != 2 {
			t.Fatalf("seats taken = %d, want 2", seats)
		}
	})
}

func TestLatePaymentWithSeatsGoneIsRefunded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 2, stripeMockURL)
		b := e.reserveCard(t, 2)
		released, err := booking.NewSweeper(e.svc).RunOnce(ctx, e.clock.Add(32*time.Minute))
		if err != nil || released != 1 {
			t.Fatalf("sweeper released %d, %v", released, err)
		}
		if _, err := e.svc.Reserve(ctx, payRequest(e.date.ID, 2, model.PaymentInvoice)); err != nil {
			t.Fatalf("invoice booking of the freed seats: %v", err)
		}
		if err := e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid")); err != nil {
			t.Fatal(err)
		}
		got := e.booking(t, b.Reference)
		if got.Status != model.BookingExpired || !got.NeedsAttention || got.AttentionReason != model.AttentionLatePaymentNoSeats {
			t.Fatalf("booking %s attention=%v %q", got.Status, got.NeedsAttention, got.AttentionReason)
		}
		done, err := e.stripeWorker().RunOnce(ctx, e.clock.Now())
		if err != nil || done < 1 {
			t.Fatalf("worker did %d, %v", done, err)
		}
		item, err := st.OutboxItemByKey(ctx, "stripe.refund:refund-"+b.Reference+"-late")
		if err != nil || item.Status != model.OutboxDone {
			t.Fatalf("refund item %+v, %v", item, err)
		}
		got = e.booking(t, b.Reference)
		if got.PaymentStatus != model.PaymentRefunded || got.Stripe.RefundedCents != got.GrossCents {
			t.Fatalf("payment %s refunded %d of %d", got.PaymentStatus, got.Stripe.RefundedCents, got.GrossCents)
		}
		if seats := e.seats(t); seats != 2 {
			t.Fatalf("seats taken = %d, want 2", seats)
		}
	})
}

func TestSweeperSparesSEPAPayments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL)
		abandoned, sepa := e.reserveCard(t, 2), e.reserveCard(t, 3)
		if err := e.svc.HandleStripeEvent(ctx, event(sepa, payment.EventCheckoutCompleted, "unpaid")); err != nil {
			t.Fatal(err)
		}
		sweeper := booking.NewSweeper(e.svc)
		if n, err := sweeper.RunOnce(ctx, e.clock.Now().Add(10*time.Minute)); err != nil || n != 0 {
			t.Fatalf("before expiry: released %d, %v", n, err)
		}
		if n, err := sweeper.RunOnce(ctx, e.clock.Add(40*time.Minute)); err != nil || n != 1 {
			t.Fatalf("after expiry: released %d, %v", n, err)
		}
		if got := e.booking(t, abandoned.Reference); got.Status != model.BookingExpired {
			t.Fatalf("abandoned hold is %s", got.Status)
		}
		if got := e.booking(t, sepa.Reference); got.Status != model.BookingPendingPayment {
			t.Fatalf("SEPA hold is %s", got.Status)
		}
		if seats := e.seats(t); seats != 3 {
			t.Fatalf("seats taken = %d, want 3", seats)
		}
		if _, err := e.stripeWorker().RunOnce(ctx, e.clock.Now()); err != nil {
			t.Fatal(err)
		}
		item, err := st.OutboxItemByKey(ctx, "stripe.expire_session:"+abandoned.Stripe.SessionID)
		if err != nil || item.Status != model.OutboxDone {
			t.Fatalf("expire item %+v, %v", item, err)
		}
	})
}

func TestCancelPaidBookingRefundsUnderPolicy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL) // the date starts in 30 days: cancelling is free
		b := e.reserveCard(t, 2)
		if err := e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid")); err != nil {
			t.Fatal(err)
		}
		paid := e.booking(t, b.Reference)
		e.clock.Add(20 * 24 * time.Hour) // now 10 days before: the fee applies
		quote := e.svc.QuoteCancellation(paid)
		if quote.FeeCents != paid.GrossCents/2 || quote.RefundCents != paid.GrossCents-quote.FeeCents {
			t.Fatalf("quote %+v for gross %d", quote, paid.GrossCents)
		}
		if _, err := e.svc.Cancel(ctx, b.Reference, quote.RefundCents); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.Cancel(ctx, b.Reference, quote.RefundCents); !errors.Is(err, model.ErrInvalidTransition) {
			t.Fatalf("second cancel: %v", err)
		}
		if seats := e.seats(t); seats != 0 {
			t.Fatalf("seats taken = %d after cancel", seats)
		}
		if _, err := e.stripeWorker().RunOnce(ctx, e.clock.Now()); err != nil {
			t.Fatal(err)
		}
		got := e.booking(t, b.Reference)
		if got.Status != model.BookingCancelled || got.Stripe.RefundedCents != quote.RefundCents || got.PaymentStatus != model.PaymentPartiallyRefunded {
			t.Fatalf("booking %s/%s refunded %d, want %d partially refunded", got.Status, got.PaymentStatus, got.Stripe.RefundedCents, quote.RefundCents)
		}
	})
}

func TestFreeCardBookingIsConfirmedWithoutStripe(t *testing.T) {
	st := storetest.SQLite(t)
	// Stripe is unreachable: a booking that costs nothing must not need it.
	e := newPayEnv(t, st, 5, "http://127.0.0.1:1")
	start := st.Now().Add(40 * 24 * time.Hour).Truncate(time.Hour)
	sem := model.Seminar{Slug: "free-intro", TitleDE: "Kostenlose Einführung", TitleEN: "Free introduction", FunctionList: "hr",
		DurationMinutes: 60, Published: true, Dates: []model.SeminarDate{{StartsAt: start, EndsAt: start.Add(time.Hour),
			Capacity: 5, PriceNetCents: 0, Format: model.FormatOnline, Status: model.DatePublished}}}
	if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateSeminar(context.Background(), &sem) }); err != nil {
		t.Fatal(err)
	}
	res, err := e.svc.Reserve(context.Background(), payRequest(sem.Dates[0].ID, 2, model.PaymentCard))
	if err != nil {
		t.Fatal(err)
	}
	if res.Booking.Status != model.BookingConfirmed || res.CheckoutURL != "" {
		t.Fatalf("free card booking: %s, checkout %q", res.Booking.Status, res.CheckoutURL)
	}
}

func TestRefundThatKeepsFailingFlagsTheBooking(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	e := newPayEnv(t, st, 5, stripeMockURL)
	b := e.reserveCard(t, 1)
	if err := e.svc.HandleStripeEvent(ctx, event(b, payment.EventCheckoutCompleted, "paid")); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Cancel(ctx, b.Reference, b.GrossCents); err != nil {
		t.Fatal(err)
	}
	down := newPayEnv(t, st, 1, "http://127.0.0.1:1") // the same database, Stripe unreachable
	stripe := down.stripeWorker()
	for range worker.DefaultMaxAttempts {
		if _, err := stripe.RunOnce(ctx, down.clock.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	// An unreachable Stripe is a passing failure: the refund is flagged, and still tried.
	item, err := st.OutboxItemByKey(ctx, "stripe.refund:refund-"+b.Reference+"-cancel")
	if err != nil || item.Status != model.OutboxPending || item.Attempts != worker.DefaultMaxAttempts {
		t.Fatalf("refund item %+v, %v", item, err)
	}
	if got := e.booking(t, b.Reference); !got.NeedsAttention || got.AttentionReason != model.AttentionRefundFailed {
		t.Fatalf("booking attention=%v %q", got.NeedsAttention, got.AttentionReason)
	}
}
