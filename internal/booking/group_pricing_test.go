package booking_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// groupDate seeds the date of docs/pricing.md's worked example: 590,00 € net, early bird 490,00 €
// still running, its seminar with its own rule "from the 3rd person −10 %", and the voucher TEAM5
// (5 %).
func groupDate(t *testing.T, st *store.Store) model.SeminarDate {
	t.Helper()
	ctx := context.Background()
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20, PriceNetCents: 59000})
	until := st.Now().Add(7 * 24 * time.Hour)
	date.EarlyBirdNetCents, date.EarlyBirdUntil = 49000, &until
	sem := *date.Seminar
	sem.GroupPricing, sem.GroupFromSeat, sem.GroupPercentBP = model.GroupPricingOwn, 3, 1000
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateDate(ctx, &date); err != nil {
			return err
		}
		return tx.UpdateSeminar(ctx, &sem)
	})
	if err != nil {
		t.Fatal(err)
	}
	createVoucher(t, st, model.Voucher{Code: "TEAM5", Kind: model.VoucherPercent, PercentBP: 500})
	return date
}

// TestGroupPricingWorkedExample books docs/pricing.md's example (4 persons, early bird, group
// discount, voucher) and checks every cent, the invoice's lines, and that cancelling one person
// and adding one again recompute the group discount through the correction (credit note and new
// invoice each time).
func TestGroupPricingWorkedExample(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := newService(st)
		date := groupDate(t, st)
		req := request(date.ID, 4)
		req.Voucher = "team5"
		res, err := svc.Reserve(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		b := res.Booking
		type money struct{ unit, group, voucher, net, vat, gross int64 }
		got := money{b.UnitNetCents, b.GroupDiscountCents, b.DiscountCents, b.NetCents, b.VATCents, b.GrossCents}
		if want := (money{49000, 9800, 9310, 176890, 33609, 210499}); got != want {
			t.Fatalf("booked %+v, want %+v", got, want)
		}
		lines := standingLines(t, st, b.ID)
		wantLines := []int64{49000, 49000, 49000, 49000, -9800, -9310}
		if len(lines) != len(wantLines) {
			t.Fatalf("invoice lines %+v", lines)
		}
		for i, l := range lines {
			if l.NetCents != wantLines[i] {
				t.Fatalf("line %d %q: %d, want %d", i, l.Description, l.NetCents, wantLines[i])
			}
		}
		if d := lines[4].Description; d != "Gruppenrabatt ab der 3. Person: 10\u00a0% auf 2 Plätze" {
			t.Fatalf("group line %q", d)
		}

		steps := []struct {
			name                     string
			change                   func(tx *store.Tx) (booking.AttendeeChange, error)
			seats                    int
			group, voucher, vat, net int64
		}{
			{"cancel one: persons 3..3", func(tx *store.Tx) (booking.AttendeeChange, error) {
				return svc.CancelAttendeeInTx(ctx, tx, b.Reference, b.Attendees[3].ID, booking.ByStaffWithoutFee)
			}, 3, 4900, 7105, 25649, 134995}, // 147000 − 4900 = 142100; −5 % = 134995; VAT 25649,05
			{"add one: persons 3..4 again", func(tx *store.Tx) (booking.AttendeeChange, error) {
				return svc.AddAttendeeInTx(ctx, tx, b.Reference, booking.AttendeeInput{FirstName: "Neu", LastName: "Person", Email: "neu@example.com"}, booking.ByStaff)
			}, 4, 9800, 9310, 33609, 176890},
		}
		for _, step := range steps {
			var ch booking.AttendeeChange
			err := st.WithTx(ctx, func(tx *store.Tx) (err error) { ch, err = step.change(tx); return err })
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			a := ch.After
			if a.Seats != step.seats || a.GroupDiscountCents != step.group || a.DiscountCents != step.voucher || a.NetCents != step.net || a.VATCents != step.vat {
				t.Fatalf("%s: seats %d group %d voucher %d net %d vat %d", step.name, a.Seats, a.GroupDiscountCents, a.DiscountCents, a.NetCents, a.VATCents)
			}
			if ch.Correction.CreditNote.ID == 0 || ch.Correction.Invoice.NetCents != step.net {
				t.Fatalf("%s: correction %+v", step.name, ch.Correction)
			}
			stored, err := st.BookingByReference(ctx, b.Reference)
			if err != nil || stored.GroupDiscountCents != step.group {
				t.Fatalf("%s: stored group discount %d, %v", step.name, stored.GroupDiscountCents, err)
			}
		}
	})
}

// TestGroupPricingRules: the seminar's own rule, none, or the service's global one.
func TestGroupPricingRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		cases := []struct {
			name      string
			mode      string
			global    model.GroupRule
			seats     int
			wantGroup int64
		}{
			{"global rule", model.GroupPricingGlobal, model.GroupRule{FromSeat: 2, PercentBP: 500}, 3, 2 * 2450},
			{"no global rule", model.GroupPricingGlobal, model.GroupRule{}, 3, 0},
			{"off despite a global rule", model.GroupPricingOff, model.GroupRule{FromSeat: 2, PercentBP: 500}, 3, 0},
			{"own below its threshold", model.GroupPricingOwn, model.GroupRule{}, 2, 0},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20})
				sem := *date.Seminar
				sem.GroupPricing, sem.GroupFromSeat, sem.GroupPercentBP = c.mode, 3, 1000
				if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.UpdateSeminar(ctx, &sem) }); err != nil {
					t.Fatal(err)
				}
				settings := newService(st).Settings()
				settings.GroupDiscount = c.global
				svc := booking.New(st, settings, st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
				res, err := svc.Reserve(ctx, request(date.ID, c.seats))
				if err != nil {
					t.Fatal(err)
				}
				if res.Booking.GroupDiscountCents != c.wantGroup {
					t.Fatalf("group discount %d, want %d", res.Booking.GroupDiscountCents, c.wantGroup)
				}
			})
		}
	})
}

func standingLines(t *testing.T, st *store.Store, bookingID uint) []model.InvoiceLine {
	t.Helper()
	docs, err := st.InvoicesForBooking(context.Background(), bookingID)
	if err != nil {
		t.Fatal(err)
	}
	cur, _, ok := model.CurrentInvoice(docs)
	if !ok {
		t.Fatal("no invoice")
	}
	return cur.Lines
}

// TestGroupPricingMoveOneAttendee: moving the 4th person of the worked example to another date
// leaves three seats with the 3rd person's discount (through the correction), and the moved
// person's booking of one seat has none.
func TestGroupPricingMoveOneAttendee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := newService(st)
		from := groupDate(t, st)
		to := model.SeminarDate{SeminarID: from.SeminarID, StartsAt: from.StartsAt.Add(7 * 24 * time.Hour), EndsAt: from.EndsAt.Add(7 * 24 * time.Hour),
			Capacity: 5, PriceNetCents: from.PriceNetCents, Format: model.FormatInPerson, City: "Berlin", Status: model.DatePublished}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateDate(ctx, &to) }); err != nil {
			t.Fatal(err)
		}
		res, err := svc.Reserve(ctx, request(from.ID, 4))
		if err != nil {
			t.Fatal(err)
		}
		b := res.Booking
		var moved booking.Moved
		err = st.WithTx(ctx, func(tx *store.Tx) (err error) {
			moved, err = svc.MoveAttendeeInTx(ctx, tx, b.Reference, b.Attendees[3].ID, to.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		// 3 × 49000 − 4900 = 142100 net; the split: 49000, no group discount.
		if a := moved.After; a.Seats != 3 || a.GroupDiscountCents != 4900 || a.NetCents != 142100 || moved.Correction.Invoice.NetCents != 142100 {
			t.Fatalf("staying: seats %d group %d net %d, new invoice %d", a.Seats, a.GroupDiscountCents, a.NetCents, moved.Correction.Invoice.NetCents)
		}
		if s := moved.Split; s.Seats != 1 || s.GroupDiscountCents != 0 || s.NetCents != 49000 {
			t.Fatalf("moved: seats %d group %d net %d", s.Seats, s.GroupDiscountCents, s.NetCents)
		}
	})
}
