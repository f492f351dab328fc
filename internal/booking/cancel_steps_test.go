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

// TestInvoiceOnlyCancellationWithSteps cancels on the default, invoice-only configuration with
// cancellation_steps set: each step's fee stays owed, the credit note covers only the rest.
func TestInvoiceOnlyCancellationWithSteps(t *testing.T) {
	defaults, err := seminars.Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(defaults, []string{"SEMINARS_DATABASE=unused", "SEMINARS_CANCELLATION_STEPS=28:0,14:50,0:100"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.StripeEnabled() {
		t.Fatal("the default configuration has a Stripe key")
	}
	start := storetest.InBerlin(2027, time.January, 28, 9, 0)
	cases := []struct {
		name        string
		now         time.Time
		wantPercent int64
	}{
		{"the last free day, 23:30 in Berlin", storetest.InBerlin(2026, time.December, 31, 23, 30), 0},
		{"the first 50 % day, 00:00", storetest.InBerlin(2027, time.January, 1, 0, 0), 50},
		{"the last 50 % day, 23:30", storetest.InBerlin(2027, time.January, 14, 23, 30), 50},
		{"the first 100 % day, 00:00", storetest.InBerlin(2027, time.January, 15, 0, 0), 100},
		{"the morning of the date", storetest.InBerlin(2027, time.January, 28, 8, 0), 100},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
				ctx := context.Background()
				svc := booking.New(st, app.BookingSettings(cfg), clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
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
				fee := b.GrossCents * tc.wantPercent / 100
				docs, err := st.InvoicesForBooking(ctx, b.ID)
				if tc.wantPercent == 100 {
					// Nothing to credit: the whole invoice stays owed.
					if err != nil || len(docs) != 1 || docs[0].Kind != model.InvoiceKindInvoice {
						t.Fatalf("documents %+v (%v), want the invoice alone", docs, err)
					}
					return
				}
				if err != nil || len(docs) != 2 || docs[1].Kind != model.InvoiceKindCreditNote {
					t.Fatalf("documents %+v (%v), want the invoice and one credit note", docs, err)
				}
				wantNet := docs[0].NetCents
				if fee > 0 {
					wantNet = model.NetOfGross(b.GrossCents-fee, cfg.VATRateBP)
				}
				if got := -docs[1].NetCents; got != wantNet {
					t.Fatalf("credit note of %d net, want %d (gross %d, fee %d)", got, wantNet, b.GrossCents, fee)
				}
			})
		})
	}
}
