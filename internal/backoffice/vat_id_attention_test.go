package backoffice

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestReverseChargeVATIDNeedsVerifying: without a VIES query every reverse-charge booking goes on
// the attention list with its VAT ID, made in the booking's transaction; an owner marks it
// verified, which clears it and is audited. Other bookings are not flagged.
func TestReverseChargeVATIDNeedsVerifying(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		bookings := booking.New(st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 10,
			Seller: invoice.Seller{Name: "Seminare", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE", VATID: "DE123456789", TaxNumber: "27/123/45678"}}, clk.Now, log)
		w := NewWaitlist(st, bookings, WaitlistSettings{OfferDuration: 48 * time.Hour, BaseURL: "https://seminare.example", MaxSeats: 10}, clk.Now, log)
		office := New(st, bookings, w, clk.Now)
		online := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, Format: model.FormatOnline})

		cases := []struct {
			name, country, vatID string
			wantFlag             bool
		}{
			{"Austrian company online: reverse charge", "AT", "ATU12345678", true},
			{"German company online: German VAT", "DE", "DE987654321", false},
			{"Swiss company online: not taxable, no reverse charge", "CH", "CHE-123.456.789", false},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				req := request(online.ID, 1)
				req.Billing.Country, req.Billing.VATID, req.Billing.PostalCode, req.Billing.City = tc.country, tc.vatID, "1010", "Wien"
				res, err := bookings.Reserve(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				got, err := st.BookingByReference(ctx, res.Booking.Reference)
				if err != nil {
					t.Fatal(err)
				}
				if !tc.wantFlag {
					if got.NeedsAttention {
						t.Fatalf("flagged %q (%s), want no attention", got.AttentionReason, got.TaxTreatment)
					}
					return
				}
				if got.TaxTreatment != model.TaxReverseCharge || !got.NeedsAttention ||
					got.AttentionReason != model.AttentionVATIDUnverified || got.AttentionDetail != tc.vatID {
					t.Fatalf("booking %s: attention %v %q %q, want %q with the VAT ID", got.TaxTreatment, got.NeedsAttention, got.AttentionReason, got.AttentionDetail, model.AttentionVATIDUnverified)
				}
				if err := office.HandleAttention(ctx, "owner@example.com", got.Reference); err != nil {
					t.Fatal(err)
				}
				after, _ := st.BookingByReference(ctx, got.Reference)
				if after.NeedsAttention {
					t.Fatal("still needs attention after being marked verified")
				}
				log, err := st.AuditLog(ctx, 20)
				if err != nil {
					t.Fatal(err)
				}
				var audited bool
				for _, e := range log {
					audited = audited || (e.Action == model.AuditVATIDVerified && e.Subject == "booking "+got.Reference &&
						e.Actor == "owner@example.com" && strings.Contains(e.Detail, tc.vatID))
				}
				if !audited {
					t.Fatalf("no %s audit entry for %s: %+v", model.AuditVATIDVerified, got.Reference, log)
				}
				if err := office.HandleAttention(ctx, "owner@example.com", got.Reference); !errors.Is(err, model.ErrInvalidTransition) {
					t.Fatalf("verifying twice: %v, want invalid transition", err)
				}
			})
		}
	})
}
