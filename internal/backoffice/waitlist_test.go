package backoffice

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func newTestWaitlist(st *store.Store, clk *storetest.Clock) (*Waitlist, *booking.Service) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b := booking.New(st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 10}, clk.Now, log)
	keys, err := secret.New("backoffice-test-secret-0123456789abcdef")
	if err != nil {
		panic(err)
	}
	b.UseSecrets(keys) // manage links are derived, as in the app
	return NewWaitlist(st, b, WaitlistSettings{OfferDuration: 48 * time.Hour, BaseURL: "https://seminare.example", MaxSeats: 10}, clk.Now, log), b
}

// newTestOffice is the back office and the booking service it works with, on a fixed clock.
func newTestOffice(t testing.TB, st *store.Store) (*Service, *booking.Service) {
	clk := storetest.NewClock(t)
	w, bookings := newTestWaitlist(st, clk)
	return New(st, bookings, w, clk.Now), bookings
}

func request(dateID uint, n int) booking.Request {
	req := booking.Request{DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "E M", Email: "e@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}}
	for i := 0; i < n; i++ {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: "A", LastName: fmt.Sprint(i), Email: fmt.Sprintf("a%d@example.com", i)})
	}
	return req
}

// offerToken reads the offer link's secret from the outbox, as the mail worker would.
func offerToken(t *testing.T, st *store.Store, entryID uint) string {
	t.Helper()
	items, err := st.DueOutboxItems(context.Background(), model.TopicMailEvent, storetest.ReferenceTime.Add(100*time.Hour), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if strings.Contains(it.Key, fmt.Sprintf("waitlist-%d", entryID)) {
			_, after, _ := strings.Cut(it.Payload, "/waitlist/offer/")
			token, _, _ := strings.Cut(after, `"`)
			return token
		}
	}
	t.Fatalf("no offer mail for entry %d", entryID)
	return ""
}

func TestWaitlistOffersInOrderAndPassesOn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		clk := storetest.NewClock(t)
		w, bookings := newTestWaitlist(st, clk)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 3})
		if _, err := bookings.Reserve(ctx, request(date.ID, 3)); err != nil {
			t.Fatal(err)
		}
		var line []model.WaitlistEntry
		for i, seats := range []int{2, 1, 1} {
			e := model.WaitlistEntry{DateID: date.ID, Name: fmt.Sprint("W", i), Email: fmt.Sprintf("w%d@example.com", i), Seats: seats, Language: "de"}
			if err := w.Join(ctx, &e); err != nil {
				t.Fatal(err)
			}
			clk.Advance(time.Second)
			line = append(line, e)
		}
		status := func() string {
			entries, _ := st.WaitlistForDate(ctx, date.ID)
			var s []string
			for _, e := range entries {
				s = append(s, e.Status)
			}
			d, _ := st.DateByID(ctx, date.ID)
			return fmt.Sprintf("%v taken=%d", s, d.SeatsTaken)
		}
		if got := status(); got != "[waiting waiting waiting] taken=3" {
			t.Fatalf("nobody gets an offer while the date is full: %s", got)
		}

		// One seat frees up: the first in line wants 2, so nobody behind them jumps the queue.
		freeSeats(t, st, date.ID, 1)
		if _, err := w.Process(ctx); err != nil {
			t.Fatal(err)
		}
		if got := status(); got != "[waiting waiting waiting] taken=2" {
			t.Fatalf("after one free seat: %s", got)
		}

		// Two free: the first gets the offer, and the seats are held for them.
		freeSeats(t, st, date.ID, 1)
		if n, err := w.Process(ctx); err != nil || n != 1 {
			t.Fatalf("offers %d, err %v", n, err)
		}
		if got := status(); got != "[offered waiting waiting] taken=3" {
			t.Fatalf("after two free seats: %s", got)
		}
		if _, err := bookings.Reserve(ctx, request(date.ID, 1)); err == nil {
			t.Fatal("a public booking took seats held for the waiting list")
		}

		// The offer runs out: its seats go to the next in line.
		firstToken := offerToken(t, st, line[0].ID)
		clk.Advance(49 * time.Hour)
		if _, err := w.Process(ctx); err != nil {
			t.Fatal(err)
		}
		if got := status(); got != "[expired offered offered] taken=3" {
			t.Fatalf("after the first offer ran out: %s", got)
		}
		if _, err := w.Accept(ctx, firstToken, request(0, 2)); !errors.Is(err, model.ErrInvalidTransition) {
			t.Fatalf("an expired offer was accepted: %v", err)
		}

		// The second accepts: a confirmed booking on the held seat, no seat counted twice.
		res, err := w.Accept(ctx, offerToken(t, st, line[1].ID), request(0, 1))
		if err != nil {
			t.Fatal(err)
		}
		if res.Booking.Status != model.BookingConfirmed || res.Booking.DateID != date.ID {
			t.Fatalf("booking %+v", res.Booking)
		}
		if got := status(); got != "[expired booked offered] taken=3" {
			t.Fatalf("after accepting: %s", got)
		}
		if _, err := w.Accept(ctx, offerToken(t, st, line[1].ID), request(0, 1)); !errors.Is(err, model.ErrInvalidTransition) {
			t.Fatalf("an offer was accepted twice: %v", err)
		}
		if _, err := w.Accept(ctx, offerToken(t, st, line[2].ID), request(0, 2)); err == nil {
			t.Fatal("more attendees than offered seats were accepted")
		}

		// A booking that fails (an unknown voucher) leaves the offer and its held seat as they were.
		failing := request(0, 1)
		failing.Voucher = "GIBTSNICHT"
		if _, err := w.Accept(ctx, offerToken(t, st, line[2].ID), failing); err == nil {
			t.Fatal("a booking with an unknown voucher was accepted")
		}
		if got := status(); got != "[expired booked offered] taken=3" {
			t.Fatalf("after a failed accept: %s", got)
		}
		if _, err := w.Accept(ctx, offerToken(t, st, line[2].ID), request(0, 1)); err != nil {
			t.Fatalf("the offer could not be accepted after a failed try: %v", err)
		}
		if got := status(); got != "[expired booked booked] taken=3" {
			t.Fatalf("after the third accepts: %s", got)
		}
	})
}

// freeSeats stands in for a cancellation: it gives n seats of the date back.
func freeSeats(t *testing.T, st *store.Store, dateID uint, n int) {
	t.Helper()
	if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.ReleaseSeats(context.Background(), dateID, n) }); err != nil {
		t.Fatal(err)
	}
}
