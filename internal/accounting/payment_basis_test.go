package accounting_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"seminars/internal/accounting"
	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestEntriesByDateBasis books real invoice bookings — one paid in February, one never — and
// checks which period each document falls into by invoice date and by payment date.
func TestEntriesByDateBasis(t *testing.T) {
	storetest.EachAt(t, storetest.InBerlin(2026, 1, 20, 10, 0), func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		a := apptest.NewWith(t, st, apptest.Config(t), clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
		bookings := a.Bookings
		date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: storetest.InBerlin(2026, 3, 10, 9, 0)})
		reserve := func(company string) string {
			res, err := bookings.Reserve(ctx, booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
				Billing:   model.Billing{Company: company, Name: "E M", Email: "e@example.com", Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Attendees: []booking.AttendeeInput{{FirstName: "A", LastName: "B", Email: "a@example.com"}}})
			if err != nil {
				t.Fatal(err)
			}
			return res.Booking.Reference
		}
		paidRef := reserve("Zahlt GmbH")
		unpaidRef := reserve("Zahlt nie GmbH")
		clk.Set(storetest.InBerlin(2026, 2, 5, 9, 0))
		if err := a.Office.MarkPaid(ctx, "owner@example.com", paidRef); err != nil {
			t.Fatal(err)
		}
		clk.Set(storetest.InBerlin(2026, 2, 10, 9, 0))
		if _, err := bookings.CancelByTrainer(ctx, unpaidRef); err != nil { // a credit note, no money moved
			t.Fatal(err)
		}
		jan, _ := accounting.ParsePeriod("2026-01-01", "2026-01-31", storetest.Berlin())
		feb, _ := accounting.ParsePeriod("2026-02-01", "2026-02-28", storetest.Berlin())
		files := invoice.NewDocuments(st, invoice.NewRenderer(nil, storetest.Berlin()), clk.Now)
		cases := []struct {
			name      string
			basis     string
			period    accounting.Period
			companies []string
			day       string // Belegdatum of the first entry
		}{
			{"invoice date, January", accounting.BasisInvoice, jan, []string{"Zahlt GmbH", "Zahlt nie GmbH"}, "2001"},
			{"invoice date, February: the credit note", accounting.BasisInvoice, feb, []string{"Zahlt nie GmbH"}, "1002"},
			{"payment date, January: nothing paid yet", accounting.BasisPayment, jan, nil, ""},
			{"payment date, February: the paid one", accounting.BasisPayment, feb, []string{"Zahlt GmbH"}, "0502"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				x := accounting.NewExports(st, files, accounting.Settings{DateBasis: c.basis, Location: storetest.Berlin()}, clk.Now)
				entries, err := x.Entries(ctx, c.period)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range entries {
					got = append(got, e.Invoice.Buyer.Name)
				}
				if len(got) != len(c.companies) || (len(got) > 0 && (got[0] != c.companies[0] || entries[0].Date.In(storetest.Berlin()).Format("0201") != c.day)) {
					t.Fatalf("entries %v (first dated %v), want %v on %s", got, entries, c.companies, c.day)
				}
			})
		}
	})
}
