package booking_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func newService(st *store.Store) *booking.Service {
	return booking.New(st, booking.Settings{
		VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 20,
	}, st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func request(dateID uint, attendees int) booking.Request {
	req := booking.Request{
		DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{
			Company: "Muster GmbH", Name: "Max Muster", Email: "max@example.com", Street: "Hauptstr. 1",
			PostalCode: "10115", City: "Berlin", Country: "DE",
		},
	}
	for i := range attendees {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{
			FirstName: "Erika", LastName: fmt.Sprintf("Muster %d", i), Email: fmt.Sprintf("erika%d@example.com", i),
		})
	}
	return req
}

func TestReserve(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := newService(st)
		cases := []struct {
			name       string
			capacity   int
			taken      int
			attendees  int
			status     string
			method     string
			voucher    string
			wantErr    func(error) bool
			wantStatus model.BookingStatus
			wantGross  int64
		}{
			{name: "invoice booking is confirmed at once", capacity: 10, attendees: 2, wantStatus: model.BookingConfirmed, wantGross: 2 * 58310},
			{name: "exactly the last seats", capacity: 5, taken: 3, attendees: 2, wantStatus: model.BookingConfirmed, wantGross: 2 * 58310},
			{name: "three attendees for two seats stores nothing", capacity: 5, taken: 3, attendees: 3,
				wantErr: func(err error) bool { left, ok := booking.IsSoldOut(err); return ok && left == 2 }},
			{name: "sold out date", capacity: 4, taken: 4, attendees: 1,
				wantErr: func(err error) bool { _, ok := booking.IsSoldOut(err); return ok }},
			{name: "draft date is not bookable", capacity: 4, attendees: 1, status: model.DateDraft,
				wantErr: func(err error) bool { return errors.Is(err, model.ErrNotBookable) }},
			{name: "card without Stripe is refused", capacity: 4, attendees: 1, method: model.PaymentCard,
				wantErr: func(err error) bool { return errors.Is(err, model.ErrPaymentDisabled) }},
			{name: "unknown voucher is refused", capacity: 4, attendees: 1, voucher: "SOMMER",
				wantErr: func(err error) bool {
					var v *model.ValidationError
					return errors.As(err, &v) && v.Fields["voucher"] != ""
				}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: c.capacity, SeatsTaken: c.taken, Status: c.status})
				req := request(date.ID, c.attendees)
				if c.method != "" {
					req.PaymentMethod = c.method
				}
				req.Voucher = c.voucher
				res, err := svc.Reserve(ctx, req)
				after, _ := st.DateByID(ctx, date.ID)
				if c.wantErr != nil {
					if err == nil || !c.wantErr(err) {
						t.Fatalf("err = %v, want a matching error", err)
					}
					if after.SeatsTaken != c.taken {
						t.Fatalf("seats taken changed from %d to %d on a failed booking", c.taken, after.SeatsTaken)
					}
					if n, _ := st.CountBookingsForDate(ctx, date.ID, model.BookingConfirmed); n != 0 {
						t.Fatalf("%d bookings stored for a failed booking", n)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				b := res.Booking
				if b.Status != c.wantStatus || b.GrossCents != c.wantGross || len(b.Attendees) != c.attendees {
					t.Fatalf("booking %+v", b)
				}
				if after.SeatsTaken != c.taken+c.attendees {
					t.Fatalf("seats taken = %d, want %d", after.SeatsTaken, c.taken+c.attendees)
				}
				stored, err := svc.Lookup(ctx, b.Reference, res.ManageToken)
				if err != nil || len(stored.Attendees) != c.attendees || stored.Date.Seminar == nil {
					t.Fatalf("lookup: %v %+v", err, stored)
				}
			})
		}
	})
}

func TestLookupRefusesWrongToken(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	svc := newService(st)
	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	res, err := svc.Reserve(ctx, request(date.ID, 1))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, reference, token string
		ok                     bool
	}{
		{"right token", res.Booking.Reference, res.ManageToken, true},
		{"lower-case reference", "sem-" + res.Booking.Reference[4:], res.ManageToken, true},
		{"wrong token", res.Booking.Reference, "nope", false},
		{"empty token", res.Booking.Reference, "", false},
		{"unknown reference", "SEM-ZZZZZZ", res.ManageToken, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.Lookup(ctx, c.reference, c.token)
			if (err == nil) != c.ok {
				t.Fatalf("err = %v", err)
			}
			if err != nil && !errors.Is(err, model.ErrNotFound) {
				t.Fatalf("a refused lookup must look like not found, got %v", err)
			}
		})
	}
}

// TestConcurrentBookingsNeverOversell fires many concurrent bookings of mixed sizes at a date with
// few seats: exactly the free seats are sold, every other booking is refused as sold out, and
// nothing partial is stored — on SQLite and on PostgreSQL.
func TestConcurrentBookingsNeverOversell(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := newService(st)
		const capacity, requests = 7, 240
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: capacity})
		var mu sync.Mutex
		sold, booked, refused := 0, 0, 0
		var unexpected []error
		var wg sync.WaitGroup
		for i := range requests {
			wg.Add(1)
			go func() {
				defer wg.Done()
				size := 1 + i%3 // 1, 2 or 3 attendees
				res, err := svc.Reserve(ctx, request(date.ID, size))
				mu.Lock()
				defer mu.Unlock()
				switch _, soldOut := booking.IsSoldOut(err); {
				case err == nil:
					sold += len(res.Booking.Attendees)
					booked++
				case soldOut:
					refused++
				default:
					unexpected = append(unexpected, err)
				}
			}()
		}
		wg.Wait()
		if len(unexpected) > 0 {
			t.Fatalf("%d bookings failed with something other than sold out, first: %v", len(unexpected), unexpected[0])
		}
		after, err := st.DateByID(ctx, date.ID)
		if err != nil {
			t.Fatal(err)
		}
		held, _ := st.SeatsHeldForDate(ctx, date.ID)
		attendees, _ := st.CountAttendees(ctx)
		if sold != capacity || after.SeatsTaken != capacity || held != capacity || attendees != capacity {
			t.Fatalf("sold %d, seats_taken %d, held by bookings %d, attendees stored %d; want all %d",
				sold, after.SeatsTaken, held, attendees, capacity)
		}
		if booked+refused != requests || refused == 0 {
			t.Fatalf("booked %d + refused %d != %d requests", booked, refused, requests)
		}
	})
}
