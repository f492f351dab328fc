package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestCountOpenItemsMatchesTheList checks the dashboard's open-item totals (one grouped pass over
// the documents) against the open-items list (a test per booking row) on varied accounts.
func TestCountOpenItemsMatchesTheList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 100})
		now := st.Now()
		past, future := now.AddDate(0, 0, -3), now.AddDate(0, 0, 14)
		type doc struct {
			kind  string
			gross int64
			due   *time.Time
		}
		accounts := []struct {
			name string
			docs []doc
			paid []int64
			owes int64
		}{
			{"unpaid, not yet due", []doc{{model.InvoiceKindInvoice, 58310, &future}}, nil, 58310},
			{"unpaid and overdue", []doc{{model.InvoiceKindInvoice, 58310, &past}}, nil, 58310},
			{"partly paid, overdue", []doc{{model.InvoiceKindInvoice, 58310, &past}}, []int64{30000}, 28310},
			{"paid in full", []doc{{model.InvoiceKindInvoice, 58310, &past}}, []int64{58310}, 0},
			{"overpaid", []doc{{model.InvoiceKindInvoice, 1000, &past}}, []int64{1500}, 0},
			{"cancelled with a fee still owed", []doc{{model.InvoiceKindInvoice, 58310, &future}, {model.InvoiceKindCreditNote, -40000, nil}}, nil, 18310},
			{"cancelled in full", []doc{{model.InvoiceKindInvoice, 58310, &past}, {model.InvoiceKindCreditNote, -58310, nil}}, nil, 0},
			{"no documents, a payment", nil, []int64{500}, 0},
			{"no documents at all", nil, nil, 0},
		}
		var wantDue int64
		for i, a := range accounts {
			b := model.Booking{Reference: fmt.Sprintf("SEM-O%05d", i), ManageTokenHash: "x", DateID: date.ID, Status: model.BookingConfirmed,
				PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: "de", Seats: 1,
				Billing: model.Billing{Company: a.name, Name: "K", Email: "k@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"}}
			err := st.WithTx(ctx, func(tx *store.Tx) error {
				if err := tx.CreateBooking(ctx, &b); err != nil {
					return err
				}
				for j, d := range a.docs {
					inv := model.Invoice{Kind: d.kind, Number: fmt.Sprintf("T-%d-%d", i, j), Year: 2026, Sequence: i*10 + j, BookingID: b.ID,
						BookingReference: b.Reference, IssuedAt: now, GrossCents: d.gross, DueDate: d.due, Currency: "EUR", Language: "de",
						PaymentMethod: string(model.PaymentInvoice)}
					if err := tx.CreateInvoice(ctx, &inv); err != nil {
						return err
					}
				}
				for _, cents := range a.paid {
					if err := tx.AddPayment(ctx, &model.Payment{BookingID: b.ID, AmountCents: cents, Method: model.LedgerBankTransfer, PaidOn: now, RecordedBy: "test"}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%s: %v", a.name, err)
			}
			wantDue += a.owes
		}
		got, err := st.CountOpenItems(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		open, err := st.OpenItemBookings(ctx, nil, 1000)
		if err != nil {
			t.Fatal(err)
		}
		overdue, err := st.OpenItemBookings(ctx, &now, 1000)
		if err != nil {
			t.Fatal(err)
		}
		want := store.OpenItems{Count: int64(len(open)), Overdue: int64(len(overdue)), DueCents: wantDue}
		if got != want || want.Count != 4 || want.Overdue != 2 {
			t.Fatalf("totals %+v, the list says %+v (want 4 open, 2 overdue)", got, want)
		}
	})
}
