package backoffice

import (
	"context"
	"encoding/json"
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

// attendeeOffice is the back office on a booking service with the policy "free until 14 days
// before, 50 % after" and a substitution deadline of 3 days, on clk.
func attendeeOffice(st *store.Store, clk *storetest.Clock) (*Service, *booking.Service) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	b := booking.New(st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 10,
		SubstitutionDeadline: 3 * 24 * time.Hour, Cancellation: model.CancellationPolicy{FreeDays: 14, FeePercent: 50}}, clk.Now, log)
	w := NewWaitlist(st, b, WaitlistSettings{OfferDuration: 48 * time.Hour, BaseURL: "https://seminare.example", MaxSeats: 10}, clk.Now, log)
	return New(st, b, w, clk.Now), b
}

// TestOneAttendeeMoreOrLess: adding and cancelling one attendee by the booker and by staff, on
// both databases with a fixed clock: seats, totals, amount due, documents, the one mail to the
// billing contact (plus the attendee's own) and the audit entry — and nothing changed when refused.
func TestOneAttendeeMoreOrLess(t *testing.T) {
	const seat = 58310 // 490,00 € net + 19 % VAT
	type op func(ctx context.Context, o *Service, b *booking.Service, ref, token string, attendeeID uint) (booking.AttendeeChange, error)
	add := func(by booking.ChangeBy) op {
		return func(ctx context.Context, o *Service, b *booking.Service, ref, token string, _ uint) (booking.AttendeeChange, error) {
			in := booking.AttendeeInput{FirstName: "Neu", LastName: "Person", Email: "neu@example.com"}
			if by == booking.ByBooker {
				return b.AddAttendeeByBooker(ctx, ref, token, in)
			}
			return o.AddAttendee(ctx, "assistant@example.com", ref, in)
		}
	}
	cancel := func(by booking.ChangeBy) op {
		return func(ctx context.Context, o *Service, b *booking.Service, ref, token string, id uint) (booking.AttendeeChange, error) {
			switch by {
			case booking.ByBooker:
				return b.CancelAttendeeByBooker(ctx, ref, token, id)
			case booking.ByStaffWithoutFee:
				return o.CancelAttendee(ctx, "owner@example.com", ref, id, true)
			}
			return o.CancelAttendee(ctx, "assistant@example.com", ref, id, false)
		}
	}
	cases := []struct {
		name      string
		startsIn  time.Duration
		attendees int
		capacity  int
		do        op
		wantErr   error // nil, or what errors.Is/As must find
		soldOut   bool
		seats     int
		gross     int64 // the booking's gross total after
		fee       int64
		mailTo    []string // the messages' events recorded
	}{
		{"booker adds with a free seat", 30 * 24 * time.Hour, 2, 5, add(booking.ByBooker), nil, false, 3, 3 * seat, 0,
			[]string{"booking_corrected", "attendee_added"}},
		{"booker adds when full: refused, nothing changed", 30 * 24 * time.Hour, 2, 2, add(booking.ByBooker), nil, true, 2, 2 * seat, 0, nil},
		{"booker adds after the deadline: refused", 2 * 24 * time.Hour, 2, 5, add(booking.ByBooker), booking.ErrAttendeeClosed, false, 2, 2 * seat, 0, nil},
		{"staff adds after the booker's deadline", 2 * 24 * time.Hour, 2, 5, add(booking.ByStaff), nil, false, 3, 3 * seat, 0,
			[]string{"booking_corrected", "attendee_added"}},
		{"booker cancels one in the free period", 30 * 24 * time.Hour, 2, 5, cancel(booking.ByBooker), nil, false, 1, seat, 0,
			[]string{"booking_corrected", "attendee_cancelled"}},
		{"booker cancels one with a fee", 10 * 24 * time.Hour, 3, 5, cancel(booking.ByBooker), nil, false, 2, 2*seat + seat/2, seat / 2,
			[]string{"booking_corrected", "attendee_cancelled"}},
		{"booker cancels the last attendee: refused", 30 * 24 * time.Hour, 1, 5, cancel(booking.ByBooker), booking.ErrAttendeeLast, false, 1, seat, 0, nil},
		{"assistant cancels with the policy", 10 * 24 * time.Hour, 2, 5, cancel(booking.ByStaff), nil, false, 1, seat + seat/2, seat / 2,
			[]string{"booking_corrected", "attendee_cancelled"}},
		{"owner cancels without a fee", 10 * 24 * time.Hour, 2, 5, cancel(booking.ByStaffWithoutFee), nil, false, 1, seat, 0,
			[]string{"booking_corrected", "attendee_cancelled"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				office, bookings := attendeeOffice(st, clk)
				date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: c.capacity, StartsIn: c.startsIn, Clock: clk})
				res, err := bookings.Reserve(ctx, request(date.ID, c.attendees))
				if err != nil {
					t.Fatal(err)
				}
				ref, b := res.Booking.Reference, res.Booking
				before := outboxEvents(t, st)
				ch, err := c.do(ctx, office, bookings, ref, res.ManageToken, b.Attendees[0].ID)
				_, full := booking.IsSoldOut(err)
				switch {
				case c.soldOut && !full:
					t.Fatalf("want sold out, got %v", err)
				case c.wantErr != nil && !errors.Is(err, c.wantErr):
					t.Fatalf("want %v, got %v", c.wantErr, err)
				case c.wantErr == nil && !c.soldOut && err != nil:
					t.Fatal(err)
				}
				after, _ := st.BookingByReference(ctx, ref)
				d, _ := st.DateByID(ctx, date.ID)
				if after.Seats != c.seats || len(after.Attendees) != c.seats || d.SeatsTaken != c.seats || after.GrossCents != c.gross {
					t.Fatalf("seats %d, attendees %d, taken %d, gross %d; want %d seats, gross %d",
						after.Seats, len(after.Attendees), d.SeatsTaken, after.GrossCents, c.seats, c.gross)
				}
				account, _ := st.AccountOfBooking(ctx, after.ID)
				if account.AmountDue != c.gross {
					t.Errorf("amount due %d, want %d", account.AmountDue, c.gross)
				}
				docs, _ := st.InvoicesForBooking(ctx, after.ID)
				events := outboxEvents(t, st)[len(before):]
				audit, _ := st.AuditLog(ctx, 10)
				if c.mailTo == nil {
					if len(docs) != 1 || len(events) != 0 || len(audit) != 0 {
						t.Fatalf("refused, yet %d documents, events %v, %d audit entries", len(docs), events, len(audit))
					}
					return
				}
				if ch.FeeCents != c.fee {
					t.Errorf("fee %d, want %d", ch.FeeCents, c.fee)
				}
				cur, _, _ := model.CurrentInvoice(docs)
				if len(docs) != 3 || docs[1].Kind != model.InvoiceKindCreditNote || cur.GrossCents != c.gross {
					t.Fatalf("%d documents, standing invoice %d gross; want credit note + new invoice of %d", len(docs), cur.GrossCents, c.gross)
				}
				if fmt.Sprint(events) != fmt.Sprint(c.mailTo) {
					t.Fatalf("events %v, want %v (one to the billing contact)", events, c.mailTo)
				}
				if len(audit) != 1 || (audit[0].Action != model.AuditAttendeeAdded && audit[0].Action != model.AuditAttendeeCancelled) {
					t.Fatalf("audit %+v", audit)
				}
			})
		})
	}
}

// outboxEvents lists the mail events in the outbox, oldest first.
func outboxEvents(t *testing.T, st *store.Store) []string {
	t.Helper()
	items, err := st.DueOutboxItems(context.Background(), model.TopicMailEvent, storetest.ReferenceTime.Add(1000*24*time.Hour), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		var p model.EventPayload
		if err := json.Unmarshal([]byte(it.Payload), &p); err != nil {
			t.Fatal(err)
		}
		out = append(out, string(p.Event))
	}
	return out
}

// TestTwoAddsForTheLastSeat: two staff members add a person to two bookings at once for the
// last free seat; exactly one gets it, the other is sold out, and the date is never oversold.
func TestTwoAddsForTheLastSeat(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		office, bookings := attendeeOffice(st, clk)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 3, Clock: clk})
		var refs []string
		for range 2 {
			res, err := bookings.Reserve(ctx, request(date.ID, 1))
			if err != nil {
				t.Fatal(err)
			}
			refs = append(refs, res.Booking.Reference)
		}
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i, ref := range refs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = office.AddAttendee(ctx, "staff", ref, booking.AttendeeInput{FirstName: "R", LastName: fmt.Sprint(i), Email: fmt.Sprintf("r%d@example.com", i)})
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			if _, full := booking.IsSoldOut(err); err != nil && !full {
				t.Fatal(err)
			} else if err == nil {
				won++
			}
		}
		d, _ := st.DateByID(ctx, date.ID)
		var attendees int
		for _, ref := range refs {
			b, _ := st.BookingByReference(ctx, ref)
			attendees += len(b.Attendees)
		}
		if won != 1 || d.SeatsTaken != 3 || attendees != 3 {
			t.Fatalf("%d adds won, %d of 3 seats taken, %d attendees", won, d.SeatsTaken, attendees)
		}
	})
}

// TestOneAttendeeOnAPaidBooking: on a booking paid through Stripe, cancelling one attendee in the
// free period sends that seat's money back through Stripe (a stripe.refund item for exactly the
// seat); adding one leaves the difference due on the new invoice (with a due date, no longer
// "paid").
func TestOneAttendeeOnAPaidBooking(t *testing.T) {
	const seat = 58310
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		office, bookings := attendeeOffice(st, clk)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, Clock: clk})
		res, err := bookings.Reserve(ctx, request(date.ID, 2))
		if err != nil {
			t.Fatal(err)
		}
		b := paidByStripe(t, st, res.Booking.Reference)
		if _, err := office.CancelAttendee(ctx, "assistant@example.com", b.Reference, b.Attendees[1].ID, false); err != nil {
			t.Fatal(err)
		}
		items, err := st.DueOutboxItems(ctx, model.TopicStripeRefund, storetest.ReferenceTime.Add(1000*time.Hour), 10)
		if err != nil || len(items) != 1 {
			t.Fatalf("%d refund items (%v), want 1", len(items), err)
		}
		var refund struct {
			AmountCents int64 `json:"amount_cents"`
		}
		if err := json.Unmarshal([]byte(items[0].Payload), &refund); err != nil || refund.AmountCents != seat {
			t.Fatalf("refund %s (%v), want %d", items[0].Payload, err, seat)
		}
		account, _ := st.AccountOfBooking(ctx, b.ID)
		if account.AmountRefundable != seat || account.AmountDue != 0 {
			t.Fatalf("account due %d, refundable %d", account.AmountDue, account.AmountRefundable)
		}

		other, err := bookings.Reserve(ctx, request(date.ID, 1))
		if err != nil {
			t.Fatal(err)
		}
		paid := paidByStripe(t, st, other.Booking.Reference)
		in := booking.AttendeeInput{FirstName: "Neu", LastName: "Person", Email: "neu@example.com"}
		ch, err := office.AddAttendee(ctx, "assistant@example.com", paid.Reference, in)
		if err != nil {
			t.Fatal(err)
		}
		account, _ = st.AccountOfBooking(ctx, paid.ID)
		if account.AmountDue != seat || ch.After.PaymentStatus != model.PaymentPartiallyPaid || ch.Correction.Invoice.DueDate == nil {
			t.Fatalf("after adding: due %d, status %s, invoice due date %v", account.AmountDue, ch.After.PaymentStatus, ch.Correction.Invoice.DueDate)
		}
	})
}
