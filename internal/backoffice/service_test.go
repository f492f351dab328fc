package backoffice

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestMoveBooking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		office, bookings := newTestOffice(t, st)
		from := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		add := func(capacity int) model.SeminarDate {
			start := from.StartsAt.Add(7 * 24 * time.Hour)
			d := model.SeminarDate{StartsAt: start, EndsAt: start.Add(time.Hour), Capacity: capacity, Format: model.FormatInPerson, City: "Köln", Status: model.DatePublished}
			if err := office.CreateDate(ctx, "test", from.SeminarID, &d); err != nil {
				t.Fatal(err)
			}
			return d
		}
		roomy, tiny := add(4), add(1)
		res, err := bookings.Reserve(ctx, request(from.ID, 2))
		if err != nil {
			t.Fatal(err)
		}
		ref := res.Booking.Reference
		if _, err := office.MoveBooking(ctx, "test", ref, tiny.ID); err == nil {
			t.Fatal("moved 2 seats onto a date with 1")
		} else if _, soldOut := booking.IsSoldOut(err); !soldOut {
			t.Fatalf("err = %v, want sold out", err)
		}
		if _, err := office.MoveBooking(ctx, "test", ref, roomy.ID); err != nil {
			t.Fatal(err)
		}
		taken := func(id uint) int { d, _ := st.DateByID(ctx, id); return d.SeatsTaken }
		if taken(from.ID) != 0 || taken(roomy.ID) != 2 || taken(tiny.ID) != 0 {
			t.Fatalf("seats: %d %d %d", taken(from.ID), taken(roomy.ID), taken(tiny.ID))
		}
		if held, _ := st.SeatsHeldForDate(ctx, roomy.ID); held != 2 {
			t.Fatalf("bookings hold %d seats on the new date", held)
		}
		entries, _ := st.AuditLog(ctx, 10)
		if len(entries) == 0 || entries[0].Action != model.AuditBookingMoved || !strings.Contains(entries[0].Detail, "seats: 2") {
			t.Fatalf("audit %+v", entries)
		}
	})
}

func TestCancelDateStopsBookings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		office, bookings := newTestOffice(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		for i := 0; i < 2; i++ { // twice: the second run changes nothing
			if err := office.CancelDate(ctx, "owner@example.com", date.ID); err != nil {
				t.Fatal(err)
			}
		}
		d, _ := st.DateByID(ctx, date.ID)
		if d.Status != model.DateCancelled || d.Sequence != date.Sequence+1 {
			t.Fatalf("date %+v", d)
		}
		if _, err := bookings.Reserve(ctx, request(date.ID, 1)); !errors.Is(err, model.ErrNotBookable) {
			t.Fatalf("a cancelled date took a booking: %v", err)
		}
		if entries, _ := st.AuditLog(ctx, 10); len(entries) != 1 || entries[0].Action != model.AuditDateCancelled {
			t.Fatalf("audit %+v", entries)
		}
	})
}

func TestMarkPaidRefusesACancelledBooking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		office, bookings := newTestOffice(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		res, err := bookings.Reserve(ctx, request(date.ID, 1))
		if err != nil {
			t.Fatal(err)
		}
		ref := res.Booking.Reference
		if _, err := bookings.Cancel(ctx, ref, 0); err != nil {
			t.Fatal(err)
		}
		if err := office.MarkPaid(ctx, "owner@example.com", ref); !errors.Is(err, model.ErrInvalidTransition) {
			t.Fatalf("err = %v, want invalid transition", err)
		}
		if b, _ := st.BookingByReference(ctx, ref); b.Status != model.BookingCancelled || b.PaymentStatus == model.PaymentPaid {
			t.Fatalf("booking %s/%s", b.Status, b.PaymentStatus)
		}
	})
}

func TestCancelDateRecordsOneDateCancelledEvent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		office, bookings := newTestOffice(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		for i := 0; i < 2; i++ {
			if _, err := bookings.Reserve(ctx, request(date.ID, 2)); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < 2; i++ { // twice: the second run records nothing more
			if err := office.CancelDate(ctx, "owner@example.com", date.ID); err != nil {
				t.Fatal(err)
			}
		}
		items, err := st.DueOutboxItems(ctx, model.TopicMailEvent, storetest.ReferenceTime.Add(100*time.Hour), 100)
		if err != nil {
			t.Fatal(err)
		}
		var found []model.OutboxItem
		for _, it := range items {
			if strings.Contains(it.Payload, `"`+string(model.EventDateCancelled)+`"`) {
				found = append(found, it)
			}
		}
		if len(found) != 1 || !strings.Contains(found[0].Payload, fmt.Sprintf(`"date_id":%d`, date.ID)) {
			t.Fatalf("date_cancelled events: %+v", found)
		}
	})
}
