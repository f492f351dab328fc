package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// seedBooking stores a confirmed booking with attendees and takes its seats.
func seedBooking(t *testing.T, st *store.Store, date model.SeminarDate, ref, company string, names ...string) model.Booking {
	t.Helper()
	ctx := context.Background()
	b := model.Booking{Reference: ref, ManageTokenHash: "x", DateID: date.ID, Status: model.BookingConfirmed,
		PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: "de", Seats: len(names),
		Billing: model.Billing{Company: company, Name: "Kontakt " + ref, Email: "billing@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}}
	for i, n := range names {
		b.Attendees = append(b.Attendees, model.Attendee{FirstName: "Vor", LastName: n, Email: fmt.Sprintf("%s%d@example.com", ref, i)})
	}
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.TakeSeats(ctx, date.ID, len(names)); err != nil {
			return err
		}
		return tx.CreateBooking(ctx, &b)
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestUpdateDateKeepsCapacityAboveSeatsTaken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
		seedBooking(t, st, date, "SEM-AAAAAA", "Muster GmbH", "Eins", "Zwei", "Drei")
		cases := []struct {
			name     string
			capacity int
			wantErr  bool
		}{
			{"below seats taken", 2, true},
			{"equal to seats taken", 3, false},
			{"above", 12, false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				d := date
				d.Capacity, d.City = c.capacity, "Köln-"+c.name
				err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.UpdateDate(ctx, &d) })
				var below *model.CapacityBelowTakenError
				if c.wantErr != errors.As(err, &below) {
					t.Fatalf("err = %v", err)
				}
				after, _ := st.DateByID(ctx, date.ID)
				if c.wantErr && (below.SeatsTaken != 3 || after.City == d.City) {
					t.Fatalf("refused edit: seats %d, city %q", below.SeatsTaken, after.City)
				}
				if !c.wantErr && (after.Capacity != c.capacity || after.City != d.City) {
					t.Fatalf("edit not stored: %+v", after)
				}
			})
		}
	})
}

func TestSearchBookings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{})
		seedBooking(t, st, date, "SEM-AAAAAA", "Muster GmbH", "Schmidt")
		seedBooking(t, st, date, "SEM-BBBBBB", "100% Digital AG", "Meier_Lang")
		cases := []struct {
			query string
			want  []string
		}{
			{"", []string{"SEM-BBBBBB", "SEM-AAAAAA"}},
			{"muster", []string{"SEM-AAAAAA"}},
			{"sem-bbb", []string{"SEM-BBBBBB"}},
			{"schmidt", []string{"SEM-AAAAAA"}},
			{"vor meier", []string{"SEM-BBBBBB"}},
			{"100%", []string{"SEM-BBBBBB"}},
			{"%", []string{"SEM-BBBBBB"}}, // a literal percent sign, not a wildcard
			{"i_r", nil},                  // "_" is no wildcard either ("meier" does not match)
			{"kontakt sem-aaa", []string{"SEM-AAAAAA"}},
			{"billing@example", []string{"SEM-BBBBBB", "SEM-AAAAAA"}},
		}
		for _, c := range cases {
			t.Run(c.query, func(t *testing.T) {
				got, err := st.SearchBookings(ctx, c.query, 50)
				if err != nil {
					t.Fatal(err)
				}
				var refs []string
				for _, b := range got {
					refs = append(refs, b.Reference)
				}
				if fmt.Sprint(refs) != fmt.Sprint(c.want) {
					t.Fatalf("got %v, want %v", refs, c.want)
				}
			})
		}
	})
}

func TestCheckInAttendee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{})
		other := storetest.SeedDate(t, st, storetest.DateOptions{})
		b := seedBooking(t, st, date, "SEM-AAAAAA", "Muster GmbH", "Schmidt")
		first := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
		checkIn := func(dateID uint, day string, at time.Time) (created bool, err error) {
			err = st.WithTx(ctx, func(tx *store.Tx) (err error) {
				created, err = tx.CheckInAttendee(ctx, dateID, b.Attendees[0].ID, day, at, "staff@example.com")
				return err
			})
			return created, err
		}
		checkedInAt := func() *time.Time {
			t.Helper()
			got, err := st.BookingsOfDate(ctx, date.ID)
			if err != nil || len(got) != 1 {
				t.Fatalf("bookings %+v, err %v", got, err)
			}
			return got[0].Attendees[0].CheckedInAt
		}
		steps := []struct {
			name    string
			dateID  uint
			day     string
			at      time.Time
			created bool
			err     error
		}{
			{"first day", date.ID, "2026-11-01", first, true, nil},
			{"same day again keeps the first", date.ID, "2026-11-01", first.Add(time.Hour), false, nil},
			{"second day", date.ID, "2026-11-02", first.Add(24 * time.Hour), true, nil},
			{"another date", other.ID, "2026-11-01", first, false, model.ErrNotFound},
		}
		for _, step := range steps {
			created, err := checkIn(step.dateID, step.day, step.at)
			if created != step.created || !errors.Is(err, step.err) {
				t.Fatalf("%s: created %v, err %v; want %v, %v", step.name, created, err, step.created, step.err)
			}
		}
		if at := checkedInAt(); at == nil || !at.Equal(first) {
			t.Fatalf("checked in at %v, want the first check-in %v", at, first)
		}
		undo := func(day string) (model.CheckIn, error) {
			var row model.CheckIn
			err := st.WithTx(ctx, func(tx *store.Tx) (err error) {
				row, err = tx.UndoCheckIn(ctx, date.ID, b.Attendees[0].ID, day)
				return err
			})
			return row, err
		}
		if row, err := undo("2026-11-01"); err != nil || row.Day != "2026-11-01" {
			t.Fatalf("undo day 1: %+v, %v", row, err)
		}
		if at := checkedInAt(); at == nil || !at.Equal(first.Add(24*time.Hour)) {
			t.Fatalf("after undoing day 1 checked in at %v, want day 2's check-in", at)
		}
		if row, err := undo(""); err != nil || row.Day != "2026-11-02" {
			t.Fatalf("undo latest: %+v, %v", row, err)
		}
		if at := checkedInAt(); at != nil {
			t.Fatalf("after undoing every check-in still checked in at %v", at)
		}
		if _, err := undo(""); !errors.Is(err, model.ErrNoCheckIn) {
			t.Fatalf("undo with nothing to undo: %v", err)
		}
		for _, status := range []model.BookingStatus{model.BookingCancelled, model.BookingExpired, model.BookingPendingPayment} {
			gone := seedBooking(t, st, date, "SEM-"+strings.ToUpper(string(status[:6])), "Weg GmbH", "Meier")
			gone.Status = status
			if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveBookingStatus(ctx, &gone) }); err != nil {
				t.Fatal(err)
			}
			err := st.WithTx(ctx, func(tx *store.Tx) error {
				_, err := tx.CheckInAttendee(ctx, date.ID, gone.Attendees[0].ID, "2026-11-01", first, "staff@example.com")
				return err
			})
			if !errors.Is(err, model.ErrNotConfirmed) {
				t.Fatalf("%s booking: check-in answered %v", status, err)
			}
		}
	})
}

// TestMarkBookingPaidKeepsACancellation: the booker cancels after the back office read the
// booking; marking it paid must not bring the cancelled booking back as confirmed.
func TestMarkBookingPaidKeepsACancellation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{})
		b := seedBooking(t, st, date, "SEM-PAIDXX", "Muster GmbH", "Schmidt")
		cancelled := b
		cancelled.Status = model.BookingCancelled
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveBookingStatus(ctx, &cancelled) }); err != nil {
			t.Fatal(err)
		}
		var marked bool
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			var err error
			marked, err = tx.MarkBookingPaid(ctx, b.ID) // b is the stale, confirmed copy
			return err
		})
		if err != nil || marked {
			t.Fatalf("marked %v, err %v", marked, err)
		}
		got, _ := st.BookingByReference(ctx, b.Reference)
		if got.Status != model.BookingCancelled || got.PaymentStatus != model.PaymentUnpaid {
			t.Fatalf("booking came back as %s/%s", got.Status, got.PaymentStatus)
		}
		open := seedBooking(t, st, date, "SEM-PAIDYY", "Muster GmbH", "Meier")
		if err := st.WithTx(ctx, func(tx *store.Tx) error {
			var err error
			marked, err = tx.MarkBookingPaid(ctx, open.ID)
			return err
		}); err != nil || !marked {
			t.Fatalf("open invoice: marked %v, err %v", marked, err)
		}
		got, _ = st.BookingByReference(ctx, open.Reference)
		if got.Status != model.BookingConfirmed || got.PaymentStatus != model.PaymentPaid {
			t.Fatalf("open invoice is %s/%s", got.Status, got.PaymentStatus)
		}
	})
}
