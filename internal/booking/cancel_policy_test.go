package booking_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"seminars"
	"seminars/internal/app"
	"seminars/internal/booking"
	"seminars/internal/config"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// defaultConfig is the shipped configuration (invoice payment only, no Stripe key), with env
// (KEY=VALUE) over it.
func defaultConfig(t testing.TB, env ...string) config.Config {
	t.Helper()
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(defaults, append([]string{"SEMINARS_DATABASE=unused"}, env...))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.StripeEnabled() {
		t.Fatal("the default configuration has a Stripe key")
	}
	return cfg
}

// TestCancellationQuoteAtTheBoundaries quotes cancellations on the last hour of a period (23:30
// in Berlin) and the first minute of the next, for the stepped policy of issue 11 (free until 28
// days before, 50 % until 14, 100 % after) and for the shipped settings (free until 14, then 50 %).
func TestCancellationQuoteAtTheBoundaries(t *testing.T) {
	berlin := storetest.Berlin()
	stepped := model.CancellationPolicy{FreeDays: 28, FeePercent: 50,
		Steps: []model.CancellationStep{{Within: 14, Percent: 100}}, Location: berlin}
	shipped := app.CancellationPolicy(defaultConfig(t))
	start := storetest.InBerlin(2027, time.January, 28, 9, 0)
	cases := []struct {
		name        string
		policy      model.CancellationPolicy
		now         time.Time
		wantPercent int64
	}{
		{"stepped: 28 days before, 23:30", stepped, storetest.InBerlin(2026, time.December, 31, 23, 30), 0},
		{"stepped: 27 days before, 00:00 on New Year's Day", stepped, storetest.InBerlin(2027, time.January, 1, 0, 0), 50},
		{"stepped: 14 days before, 23:30", stepped, storetest.InBerlin(2027, time.January, 14, 23, 30), 50},
		{"stepped: 13 days before, 00:00", stepped, storetest.InBerlin(2027, time.January, 15, 0, 0), 100},
		{"shipped: 14 days before, 23:30", shipped, storetest.InBerlin(2027, time.January, 14, 23, 30), 0},
		{"shipped: 13 days before, 00:00", shipped, storetest.InBerlin(2027, time.January, 15, 0, 0), 50},
		{"shipped: the evening before", shipped, storetest.InBerlin(2027, time.January, 27, 23, 30), 50},
	}
	for _, paid := range []bool{false, true} {
		for _, tc := range cases {
			name := tc.name + " (unpaid invoice)"
			if paid {
				name = tc.name + " (paid)"
			}
			t.Run(name, func(t *testing.T) {
				clk := storetest.NewClock(t)
				st := storetest.SQLiteAt(t, clk)
				svc := booking.New(st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute,
					MaxAttendees: 20, Cancellation: tc.policy}, clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
				date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: start})
				res, err := svc.Reserve(context.Background(), request(date.ID, 2))
				if err != nil {
					t.Fatal(err)
				}
				b := res.Booking
				b.Date = &date
				if paid {
					b.PaymentStatus = model.PaymentPaid
				}
				clk.Set(tc.now)
				q := svc.QuoteCancellation(b)
				wantFee := b.GrossCents * tc.wantPercent / 100
				if q.FeeCents != wantFee || q.Free != (wantFee == 0) {
					t.Fatalf("fee %d (free %v), want %d (%d %% of %d)", q.FeeCents, q.Free, wantFee, tc.wantPercent, b.GrossCents)
				}
				wantRefund := int64(0)
				if paid {
					wantRefund = b.GrossCents - wantFee
				}
				if q.RefundCents != wantRefund {
					t.Fatalf("refund %d, want %d", q.RefundCents, wantRefund)
				}
			})
		}
	}
}

// TestInvoiceOnlyCancellationKeepsTheFee cancels on the default, invoice-only configuration —
// with the simple policy (free until 14 days before, then 50 %) and with cancellation_steps —
// at the period boundaries in Berlin: each period's fee stays owed, the credit note covers only
// the rest, and at 100 % nothing is credited.
func TestInvoiceOnlyCancellationKeepsTheFee(t *testing.T) {
	start := storetest.InBerlin(2027, time.January, 28, 9, 0)
	simple := defaultConfig(t)
	steps := defaultConfig(t, "SEMINARS_CANCELLATION_STEPS=28:0,14:50,0:100")
	cases := []struct {
		name        string
		cfg         config.Config
		now         time.Time
		wantPercent int64
	}{
		{"simple: a month before, free", simple, storetest.InBerlin(2026, time.December, 28, 10, 0), 0},
		{"simple: the last free day, 23:30 in Berlin", simple, storetest.InBerlin(2027, time.January, 14, 23, 30), 0},
		{"simple: the first day of the fee period, 00:00", simple, storetest.InBerlin(2027, time.January, 15, 0, 0), 50},
		{"simple: the evening before", simple, storetest.InBerlin(2027, time.January, 27, 23, 30), 50},
		{"steps: the last free day, 23:30 in Berlin", steps, storetest.InBerlin(2026, time.December, 31, 23, 30), 0},
		{"steps: the first 50 % day, 00:00", steps, storetest.InBerlin(2027, time.January, 1, 0, 0), 50},
		{"steps: the last 50 % day, 23:30", steps, storetest.InBerlin(2027, time.January, 14, 23, 30), 50},
		{"steps: the first 100 % day, 00:00", steps, storetest.InBerlin(2027, time.January, 15, 0, 0), 100},
		{"steps: the morning of the date", steps, storetest.InBerlin(2027, time.January, 28, 8, 0), 100},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				svc := booking.New(st, app.BookingSettings(tc.cfg), clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
				date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: start})
				res, err := svc.Reserve(ctx, request(date.ID, 2))
				if err != nil {
					t.Fatal(err)
				}
				clk.Set(tc.now)
				b, err := svc.CancelByBooker(ctx, res.Booking.Reference, res.ManageToken)
				if err != nil {
					t.Fatal(err)
				}
				if b.Status != model.BookingCancelled || b.PaymentStatus == model.PaymentPaid {
					t.Fatalf("booking %s/%s", b.Status, b.PaymentStatus)
				}
				docs, err := st.InvoicesForBooking(ctx, b.ID)
				if err != nil || len(docs) == 0 || docs[0].Kind != model.InvoiceKindInvoice || docs[0].GrossCents != b.GrossCents {
					t.Fatalf("documents %+v (%v), want the booking's invoice first", docs, err)
				}
				if tc.wantPercent == 100 {
					if len(docs) != 1 { // nothing to credit: the whole invoice stays owed
						t.Fatalf("documents %+v, want the invoice alone", docs)
					}
					return
				}
				if len(docs) != 2 || docs[1].Kind != model.InvoiceKindCreditNote {
					t.Fatalf("documents %+v, want the invoice and one credit note", docs)
				}
				fee := b.GrossCents * tc.wantPercent / 100
				wantNet := docs[0].NetCents
				if fee > 0 {
					wantNet = model.NetOfGross(b.GrossCents-fee, tc.cfg.VATRateBP)
				}
				if got := -docs[1].NetCents; got != wantNet {
					t.Fatalf("credit note of %d net, want %d (gross %d, fee %d)", got, wantNet, b.GrossCents, fee)
				}
			})
		})
	}
}
