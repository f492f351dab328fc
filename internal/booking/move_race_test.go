package booking_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestConcurrentMovesNeverOversell: bookers moving at the same moment to a date with room for
// one booking — exactly one moves, the others are refused as sold out, and every date's seat
// count equals the seats its bookings hold; every move's documents are issued once.
func TestConcurrentMovesNeverOversell(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		from := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, StartsIn: 40 * 24 * time.Hour, Clock: clk})
		svc := booking.New(st, booking.Settings{
			VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 20, SubstitutionDeadline: 24 * time.Hour,
			Cancellation: model.CancellationPolicy{FreeDays: 14, FeePercent: 50},
			Seller:       invoice.Seller{Name: "Seminare", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE", VATID: "DE000000000"},
		}, clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
		to := model.SeminarDate{SeminarID: from.SeminarID, StartsAt: from.StartsAt.Add(7 * 24 * time.Hour), EndsAt: from.EndsAt.Add(7 * 24 * time.Hour),
			Capacity: 2, PriceNetCents: from.PriceNetCents, Format: model.FormatInPerson, City: "Berlin", Status: model.DatePublished}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateDate(ctx, &to) }); err != nil {
			t.Fatal(err)
		}
		const bookers = 4
		results := make([]booking.Result, bookers)
		for i := range results {
			res, err := svc.Reserve(ctx, booking.Request{DateID: from.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
				Billing:   model.Billing{Company: "Muster GmbH", Name: "Max Muster", Email: "max@example.com", Street: "Hauptstr. 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Attendees: []booking.AttendeeInput{{FirstName: "A", LastName: "B", Email: "a@example.com"}, {FirstName: "C", LastName: "D", Email: "c@example.com"}}})
			if err != nil {
				t.Fatal(err)
			}
			results[i] = res
		}
		var wg sync.WaitGroup
		errs := make([]error, bookers)
		for i, res := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = svc.MoveByBooker(ctx, res.Booking.Reference, res.ManageToken, to.ID)
			}()
		}
		wg.Wait()
		moved := 0
		for i, err := range errs {
			_, soldOut := booking.IsSoldOut(err)
			switch {
			case err == nil:
				moved++
			case !soldOut:
				t.Fatalf("booker %d: %v", i, err)
			}
			docs, _ := st.InvoicesForBooking(ctx, results[i].Booking.ID)
			if want := map[bool]int{true: 3, false: 1}[err == nil]; len(docs) != want {
				t.Errorf("booker %d: %d documents, want %d", i, len(docs), want)
			}
		}
		if moved != 1 {
			t.Fatalf("%d bookings moved to a date with room for one", moved)
		}
		for _, id := range []uint{from.ID, to.ID} {
			d, _ := st.DateByID(ctx, id)
			held, _ := st.SeatsHeldForDate(ctx, id)
			if int(held) != d.SeatsTaken || d.SeatsTaken > d.Capacity {
				t.Errorf("date %d: %d seats taken, bookings hold %d, capacity %d", id, d.SeatsTaken, held, d.Capacity)
			}
		}
	})
}
