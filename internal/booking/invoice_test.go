package booking_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"sync"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func invoiceService(st *store.Store) *booking.Service {
	return booking.New(st, booking.Settings{
		VATRateBP: 1900, InvoicePayment: true, HoldDuration: 30 * time.Minute, MaxAttendees: 20,
		Seller: invoice.Seller{Name: "Seminare", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin", VATID: "DE123456789", DueDays: 14},
	}, st.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func invoiceRequest(dateID uint, seats int) booking.Request {
	req := booking.Request{
		DateID: dateID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Max Muster", Email: "max@example.com", Street: "Hauptstr. 1",
			PostalCode: "10115", City: "Berlin", Country: "DE", BuyerReference: "04011000-1234512345-06"},
	}
	for i := range seats {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: "Erika", LastName: "Muster", Email: string(rune('a'+i)) + "@example.com"})
	}
	return req
}

func TestInvoiceBookingIsInvoicedWhenConfirmed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{PriceNetCents: 50000})
		res, err := invoiceService(st).Reserve(ctx, invoiceRequest(date.ID, 2))
		if err != nil {
			t.Fatal(err)
		}
		docs, err := st.InvoicesForBooking(ctx, res.Booking.ID)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%d documents (%v), want the invoice", len(docs), err)
		}
		inv := docs[0]
		if inv.Kind != model.InvoiceKindInvoice || inv.GrossCents != res.Booking.GrossCents || len(inv.Lines) != 2 ||
			inv.BuyerReference != "04011000-1234512345-06" || inv.DueDate == nil {
			t.Errorf("invoice %+v does not match booking %+v", inv, res.Booking)
		}
	})
}

func TestCreditCancellation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := invoiceService(st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{PriceNetCents: 50000})
		cases := []struct {
			name               string
			creditGross        int64 // 0: the booking's whole gross amount
			wantNet, wantGross int64
			wantCreditNote     bool
		}{
			{"free cancellation credits everything", 0, -100000, -119000, true},
			{"with a 25 % fee the rest is credited", 89250, -75000, -89250, true},
			{"a fee of everything credits nothing", -1, 0, 0, false},
		}
		for _, c := range cases {
			res, err := svc.Reserve(ctx, invoiceRequest(date.ID, 2))
			if err != nil {
				t.Fatal(err)
			}
			credit := c.creditGross
			if credit == 0 {
				credit = res.Booking.GrossCents
			}
			err = st.WithTx(ctx, func(tx *store.Tx) error {
				return svc.CreditCancellation(ctx, tx, res.Booking.ID, credit, "Stornierung", st.Now())
			})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			docs, _ := st.InvoicesForBooking(ctx, res.Booking.ID)
			if got := len(docs) == 2; got != c.wantCreditNote {
				t.Fatalf("%s: %d documents", c.name, len(docs))
			}
			if !c.wantCreditNote {
				continue
			}
			cn := docs[1]
			if cn.Kind != model.InvoiceKindCreditNote || cn.OriginalNumber != docs[0].Number || cn.NetCents != c.wantNet || cn.GrossCents != c.wantGross {
				t.Errorf("%s: credit note %s of %s: net %d gross %d, want %d %d", c.name, cn.Number, cn.OriginalNumber, cn.NetCents, cn.GrossCents, c.wantNet, c.wantGross)
			}
		}
	})
}

func TestConcurrentBookingsGetGapFreeInvoiceNumbers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		svc := invoiceService(st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20})
		const tries = 30 // more than fit: the sold-out ones store nothing, not even a number
		var wg sync.WaitGroup
		ids := make(chan uint, tries)
		for range tries {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := svc.Reserve(ctx, invoiceRequest(date.ID, 1))
				if _, soldOut := booking.IsSoldOut(err); err != nil && !soldOut {
					t.Errorf("reserve: %v", err)
				}
				if err == nil {
					ids <- res.Booking.ID
				}
			}()
		}
		wg.Wait()
		close(ids)
		var numbers []string
		for id := range ids {
			docs, err := st.InvoicesForBooking(ctx, id)
			if err != nil || len(docs) != 1 {
				t.Fatalf("booking %d has %d invoices (%v)", id, len(docs), err)
			}
			numbers = append(numbers, docs[0].Number)
		}
		sort.Strings(numbers)
		if len(numbers) != 20 {
			t.Fatalf("%d bookings confirmed, want 20", len(numbers))
		}
		year := st.Now().UTC().Year()
		for i, n := range numbers {
			if want := fmt.Sprintf("RE-%d-%05d", year, i+1); n != want {
				t.Fatalf("numbers not gap-free: %v", numbers)
			}
		}
	})
}
