package booking_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func createVoucher(t *testing.T, st *store.Store, v model.Voucher) {
	t.Helper()
	v.Active = true
	if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateVoucher(context.Background(), &v) }); err != nil {
		t.Fatal(err)
	}
}

func TestReserveWithVoucher(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := newService(st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 50})
		expired := st.Now().Add(-time.Hour)
		other := uint(999999)
		createVoucher(t, st, model.Voucher{Code: "ZEHN", Kind: model.VoucherPercent, PercentBP: 1000})
		createVoucher(t, st, model.Voucher{Code: "FUENFZIG", Kind: model.VoucherFixed, AmountCents: 5000})
		createVoucher(t, st, model.Voucher{Code: "ALT", Kind: model.VoucherPercent, PercentBP: 1000, ValidUntil: &expired})
		createVoucher(t, st, model.Voucher{Code: "ANDERS", Kind: model.VoucherPercent, PercentBP: 1000, SeminarID: &other})
		cases := []struct {
			name         string
			code         string
			wantDiscount int64
			wantGross    int64
			wantErr      string
		}{
			{"percent, any letter case", " zehn ", 9800, 104958, ""}, // (98000-9800)*1.19
			{"fixed amount", "FUENFZIG", 5000, 110670, ""},           // 93000*1.19
			{"unknown code", "NIX", 0, 0, model.VoucherUnknown},
			{"expired code", "ALT", 0, 0, model.VoucherNotValidNow},
			{"code for another seminar", "ANDERS", 0, 0, model.VoucherWrongSeminar},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before, _ := st.DateByID(ctx, date.ID)
				req := request(date.ID, 2)
				req.Voucher = c.code
				res, err := svc.Reserve(ctx, req)
				if c.wantErr != "" {
					var invalid *model.ValidationError
					if !errors.As(err, &invalid) || invalid.Fields["voucher"] != c.wantErr {
						t.Fatalf("err = %v, want %s", err, c.wantErr)
					}
					if after, _ := st.DateByID(ctx, date.ID); after.SeatsTaken != before.SeatsTaken {
						t.Fatal("a refused voucher kept the seats")
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if res.Booking.DiscountCents != c.wantDiscount || res.Booking.GrossCents != c.wantGross {
					t.Fatalf("discount %d gross %d", res.Booking.DiscountCents, res.Booking.GrossCents)
				}
			})
		}
	})
}

// TestVoucherLimitHoldsUnderConcurrency redeems a 3-use voucher from many bookings at once.
func TestVoucherLimitHoldsUnderConcurrency(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := newService(st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 1000})
		createVoucher(t, st, model.Voucher{Code: "DREIMAL", Kind: model.VoucherPercent, PercentBP: 2000, MaxUses: 3})
		var wg sync.WaitGroup
		var mu sync.Mutex
		redeemed, usedUp := 0, 0
		for i := range 60 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req := request(date.ID, 1)
				req.Attendees[0].Email = fmt.Sprintf("p%d@example.com", i)
				req.Voucher = "DREIMAL"
				_, err := svc.Reserve(ctx, req)
				var invalid *model.ValidationError
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					redeemed++
				case errors.As(err, &invalid) && invalid.Fields["voucher"] == model.VoucherUsedUp:
					usedUp++
				default:
					t.Errorf("unexpected: %v", err)
				}
			}()
		}
		wg.Wait()
		v, _ := st.VoucherByCode(ctx, "dreimal")
		after, _ := st.DateByID(ctx, date.ID)
		if redeemed != 3 || usedUp != 57 || v.Uses != 3 || after.SeatsTaken != 3 {
			t.Fatalf("redeemed %d, used up %d, uses %d, seats %d", redeemed, usedUp, v.Uses, after.SeatsTaken)
		}
	})
}

// TestVoucherUseComesBackWhenAHoldExpires: a single-use code on a card booking that is never
// paid can be used again once the hold is released.
func TestVoucherUseComesBackWhenAHoldExpires(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newPayEnv(t, st, 10, stripeMockURL)
		createVoucher(t, st, model.Voucher{Code: "EINMAL", Kind: model.VoucherPercent, PercentBP: 1000, MaxUses: 1})
		uses := func() int { v, _ := st.VoucherByCode(ctx, "EINMAL"); return v.Uses }
		req := payRequest(e.date.ID, 1, model.PaymentCard)
		req.Voucher = "einmal"
		if _, err := e.svc.Reserve(ctx, req); err != nil {
			t.Fatal(err)
		}
		if uses() != 1 {
			t.Fatalf("uses after the hold = %d", uses())
		}
		if _, err := e.svc.Reserve(ctx, req); err == nil {
			t.Fatal("a used-up code was accepted while the hold runs")
		}
		if n, err := booking.NewSweeper(e.svc).RunOnce(ctx, e.clock.Add(31*time.Minute)); err != nil || n != 1 {
			t.Fatalf("sweeper released %d: %v", n, err)
		}
		if uses() != 0 {
			t.Fatalf("uses after the hold expired = %d, want 0", uses())
		}
		if _, err := e.svc.Reserve(ctx, req); err != nil {
			t.Fatalf("the code could not be used again: %v", err)
		}
	})
}
